import { notFound } from "next/navigation";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";

/** The preview is for those who design a survey or read its responses; anyone else gets a 404 like any other hidden page. */
export async function requirePreviewAccess(slug: string) {
  const ctx = await requireWorkspacePage(slug, "study:read");
  if (!can(ctx.role, "survey:write") && !can(ctx.role, "responses:read")) notFound();
  return ctx;
}
