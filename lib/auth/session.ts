import { cookies } from "next/headers";
import { getToken } from "next-auth/jwt";
import { getDb } from "@/db/client";
import type { SessionUser } from "@/db/queries/user-sessions";
import { authSecret } from "@/lib/env";
import { sessionCookieName, useSecureCookies } from "./session-cookie";
import { resolveSessionUser, sessionClaims } from "./user-sessions";

/**
 * The signed-in user: the session cookie is decoded here (no round trip through next-auth's handler)
 * and the user is read joined with an active session row, so signing out, a password change or
 * "sign out everywhere" ends access at once, and a deleted account loses it too.
 */
export async function currentUser(): Promise<SessionUser | undefined> {
  // Only the cookie counts: no headers are passed, so an Authorization header is never read as a session.
  const token = await getToken({
    req: { cookies: await cookies(), headers: {} } as never,
    secret: authSecret(),
    secureCookie: useSecureCookies(),
    cookieName: sessionCookieName(),
  });
  const claims = sessionClaims(token);
  if (!claims) return undefined;
  return resolveSessionUser(getDb(), claims);
}
