import { headers } from "next/headers";
import { appUrl } from "@/lib/env";

/** The origin users reach this instance at, for links shown in the UI (invitations, survey links). */
export async function requestOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host");
  if (!host) return appUrl();
  const protocol = list.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${protocol}://${host}`;
}
