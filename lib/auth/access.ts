import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import type { SessionUser } from "@/db/queries/user-sessions";
import { AppError, isAppError, type ActionResult } from "@/lib/errors";
import type { Permission } from "./roles";
import { fieldErrorsOf, workspaceContextForUser, type WorkspaceContext } from "./workspace-context";
import { currentUser } from "./session";

/**
 * The one access wrapper. Every server action, route handler and workspace page goes through
 * one of the functions here: parse input with zod → resolve the session or API key → check
 * the role in the workspace → run the handler → map errors to a result or an HTTP status.
 */

function toFailure(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof z.ZodError) {
    return { ok: false, code: "invalid", error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(error) };
  }
  if (isAppError(error)) {
    return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors, ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}) };
  }
  console.error(error);
  throw error;
}

async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Please sign in again.");
  return user;
}

/**
 * A server action in a workspace. Call it as `action(workspaceSlug, input)`. Cross-site calls need no
 * check here: Next refuses any server action whose Origin does not match Host or X-Forwarded-Host
 * (next/dist/server/app-render/action-handler.js); route handlers check it in api-route.ts.
 */
export function workspaceAction<S extends z.ZodType, R>(
  options: { schema: S; permission: Permission },
  handler: (ctx: WorkspaceContext, input: z.output<S>) => Promise<R>,
) {
  return async (workspaceSlug: string, input: unknown): Promise<ActionResult<R>> => {
    try {
      const user = await requireUser();
      const ctx = await workspaceContextForUser(getDb(), user, String(workspaceSlug), options.permission);
      return { ok: true, data: await handler(ctx, options.schema.parse(input)) };
    } catch (error) {
      return toFailure(error);
    }
  };
}

/** A server action that needs a signed-in user but no workspace (create a workspace, accept an invitation). */
export function userAction<S extends z.ZodType, R>(
  options: { schema: S },
  handler: (ctx: { db: Database; user: SessionUser }, input: z.output<S>) => Promise<R>,
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
    return await workspaceContextForUser(getDb(), user, slug, permission);
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
}

/** For pages outside a workspace that need a signed-in user. */
export async function requireUserPage(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

export { requireUser };
export type { WorkspaceContext };
