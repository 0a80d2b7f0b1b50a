import { z } from "zod";
import type { Database } from "@/db/client";
import type { PublicUser } from "@/db/queries/users";
import { findMembershipBySlug } from "@/db/queries/workspaces";
import { AppError } from "@/lib/errors";
import { can, type Permission, type Role } from "./roles";

export type Actor = { kind: "user"; user: PublicUser } | { kind: "api-key"; apiKeyId: string };

export type WorkspaceContext = {
  db: Database;
  workspace: { id: string; slug: string; name: string };
  role: Role;
  actor: Actor;
  /** The user behind the request; undefined for API keys. */
  userId: string | undefined;
};

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

export async function workspaceContextForUser(
  db: Database,
  user: PublicUser,
  slug: string,
  permission: Permission,
): Promise<WorkspaceContext> {
  const membership = await findMembershipBySlug(db, { userId: user.id, slug });
  // Not a member looks exactly like no such workspace: nothing leaks about other tenants.
  if (!membership) throw new AppError("not_found", "Workspace not found.");
  if (!can(membership.role, permission)) throw new AppError("forbidden", "Your role in this workspace does not allow this.");
  return {
    db,
    workspace: { id: membership.id, slug: membership.slug, name: membership.name },
    role: membership.role,
    actor: { kind: "user", user },
    userId: user.id,
  };
}
