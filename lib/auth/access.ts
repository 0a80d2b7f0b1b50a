import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { findMembershipBySlug } from "@/db/queries/workspaces";
import type { PublicUser } from "@/db/queries/users";
import { AppError, isAppError, type ActionResult } from "@/lib/errors";
import { can, type Permission, type Role } from "./roles";
import { currentUser } from "./session";

/**
 * The one access wrapper. Every server action, route handler and workspace page goes through
 * one of the functions here: parse input with zod → resolve the session or API key → check
 * the role in the workspace → run the handler → map errors to a result or an HTTP status.
 */

export type Actor = { kind: "user"; user: PublicUser } | { kind: "api-key"; apiKeyId: string };

export type WorkspaceContext = {
  db: Database;
  workspace: { id: string; slug: string; name: string };
  role: Role;
  actor: Actor;
  /** The user behind the request; undefined for API keys. */
  userId: string | undefined;
};

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

function toFailure(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof z.ZodError) {
    return { ok: false, code: "invalid", error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(error) };
  }
  if (isAppError(error)) return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors };
  console.error(error);
  throw error;
}

async function workspaceContextForUser(user: PublicUser, slug: string, permission: Permission): Promise<WorkspaceContext> {
  const db = getDb();
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

async function requireUser(): Promise<PublicUser> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Please sign in again.");
  return user;
}

/** A server action in a workspace. Call it as `action(workspaceSlug, input)`. */
export function workspaceAction<S extends z.ZodType, R>(
  options: { schema: S; permission: Permission },
  handler: (ctx: WorkspaceContext, input: z.output<S>) => Promise<R>,
) {
  return async (workspaceSlug: string, input: unknown): Promise<ActionResult<R>> => {
    try {
      const user = await requireUser();
      const ctx = await workspaceContextForUser(user, String(workspaceSlug), options.permission);
      return { ok: true, data: await handler(ctx, options.schema.parse(input)) };
    } catch (error) {
      return toFailure(error);
    }
  };
}

/** A server action that needs a signed-in user but no workspace (create a workspace, accept an invitation). */
export function userAction<S extends z.ZodType, R>(
  options: { schema: S },
  handler: (ctx: { db: Database; user: PublicUser }, input: z.output<S>) => Promise<R>,
) {
  return async (input: unknown): Promise<ActionResult<R>> => {
    try {
      const user = await requireUser();
      return { ok: true, data: await handler({ db: getDb(), user }, options.schema.parse(input)) };
    } catch (error) {
      return toFailure(error);
    }
  };
}

/** A server action open to anyone (sign-up, a respondent's answers): still validated and error-mapped here. */
export function publicAction<S extends z.ZodType, R>(
  options: { schema: S },
  handler: (ctx: { db: Database }, input: z.output<S>) => Promise<R>,
) {
  return async (input: unknown): Promise<ActionResult<R>> => {
    try {
      return { ok: true, data: await handler({ db: getDb() }, options.schema.parse(input)) };
    } catch (error) {
      return toFailure(error);
    }
  };
}

/** For workspace pages (server components): the context, or the sign-in page / a 404. */
export async function requireWorkspacePage(slug: string, permission: Permission): Promise<WorkspaceContext> {
  const user = await currentUser();
  if (!user) redirect("/login");
  try {
    return await workspaceContextForUser(user, slug, permission);
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
}

/** For pages outside a workspace that need a signed-in user. */
export async function requireUserPage(): Promise<PublicUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

export { fieldErrorsOf, requireUser, workspaceContextForUser };
