import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { authenticateApiKey } from "@/lib/workspaces/api-keys";
import { appUrl } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { crossSiteRefusal, isUnsafeMethod } from "@/lib/http/cross-site";
import { readJsonBody } from "@/lib/http/read-limited-body";
import type { PublicUser } from "@/db/queries/users";
import { requireUser } from "./access";
import { fieldErrorsOf, workspaceContextForUser, type WorkspaceContext } from "./workspace-context";
import { can, type Permission } from "./roles";

/**
 * Route-handler half of the access wrapper: JSON in and out, API key (Bearer) or session,
 * role check, body size limit (counted while streaming) and content type (415 unless JSON),
 * cross-site refusal of cookie-authenticated writes, and every error as
 * `{ error: { code, message, fieldErrors } }`. Public routes skip the cross-site check: custom
 * survey front ends on other origins post to them by design, and they carry no cookie authority.
 */

const DEFAULT_MAX_BODY_BYTES = 1_000_000;

type RouteArgs<P> = { params: Promise<P> };
type HandlerArgs<P, B> = { request: Request; params: P; body: B };

export function jsonError(error: AppError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) } },
    { status: error.status, headers: error.retryAfterSeconds ? { "retry-after": String(error.retryAfterSeconds) } : undefined },
  );
}

function errorResponse(error: unknown): Response {
  if (error instanceof z.ZodError) {
    return jsonError(new AppError("invalid", "The request did not pass validation.", fieldErrorsOf(error)));
  }
  if (isAppError(error)) return jsonError(error);
  console.error(error);
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
}

/** Cookie-authenticated writes must come from the app's own pages (see lib/http/cross-site.ts). */
function refuseCrossSite(request: Request): void {
  const reason = crossSiteRefusal({
    method: request.method,
    secFetchSite: request.headers.get("sec-fetch-site"),
    origin: request.headers.get("origin"),
    requestUrl: request.url,
    appUrl: appUrl(),
  });
  if (reason) throw new AppError("forbidden", reason);
}

/** Reads name the workspace by header or ?workspace=; writes only by header, which no cross-site form can set. */
function workspaceSlugOf(request: Request): string | null {
  const header = request.headers.get("x-workspace");
  if (header || isUnsafeMethod(request.method)) return header;
  return new URL(request.url).searchParams.get("workspace");
}

async function resolveWorkspace(request: Request, permission: Permission): Promise<WorkspaceContext> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, key] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() !== "bearer" || !key) throw new AppError("unauthorized", "Use 'Authorization: Bearer <API key>'.");
    const db = getDb();
    // Refused (401) when its creator left the workspace; acts with at most the creator's current role.
    const apiKey = await authenticateApiKey(db, key);
    if (!apiKey) throw new AppError("unauthorized", "The API key is invalid or revoked.");
    if (!can(apiKey.role, permission)) throw new AppError("forbidden", "This API key's role does not allow this.");
    return {
      db,
      workspace: { id: apiKey.workspaceId, slug: apiKey.workspaceSlug, name: apiKey.workspaceName },
      role: apiKey.role,
      actor: { kind: "api-key", apiKeyId: apiKey.id },
      userId: undefined,
    };
  }
  // Signed-in browsers name the workspace explicitly; membership is checked like any page.
  refuseCrossSite(request);
  const slug = workspaceSlugOf(request);
  const user = await requireUser();
  if (!slug) {
    throw new AppError(
      "bad_request",
      isUnsafeMethod(request.method)
        ? "Name the workspace with the X-Workspace header (?workspace= is accepted for reads only)."
        : "Name the workspace with the X-Workspace header or ?workspace=.",
    );
  }
  return workspaceContextForUser(getDb(), user, slug, permission);
}

/** A workspace route handler (all of /api/v1 that is not public). */
export function apiRoute<P, S extends z.ZodType | undefined = undefined>(
  options: { permission: Permission; body?: S; maxBodyBytes?: number },
  handler: (
    ctx: WorkspaceContext,
    args: HandlerArgs<P, S extends z.ZodType ? z.output<S> : undefined>,
  ) => Promise<unknown>,
) {
  return async (request: Request, route: RouteArgs<P>): Promise<Response> => {
    try {
      const ctx = await resolveWorkspace(request, options.permission);
      const body = options.body
        ? options.body.parse(await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
        : undefined;
      const result = await handler(ctx, { request, params: await route.params, body: body as never });
      return result instanceof Response ? result : Response.json(result ?? null);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A route handler for a signed-in user outside any workspace (create a workspace, accept an invitation). */
export function userRoute<P, S extends z.ZodType | undefined = undefined>(
  options: { body?: S; maxBodyBytes?: number },
  handler: (
    ctx: { db: Database; user: PublicUser },
    args: HandlerArgs<P, S extends z.ZodType ? z.output<S> : undefined>,
  ) => Promise<unknown>,
) {
  return async (request: Request, route: RouteArgs<P>): Promise<Response> => {
    try {
      refuseCrossSite(request);
      const user = await requireUser();
      const body = options.body
        ? options.body.parse(await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
        : undefined;
      const result = await handler({ db: getDb(), user }, { request, params: await route.params, body: body as never });
      return result instanceof Response ? result : Response.json(result ?? null);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A route handler open to anyone (respondent submissions from custom front ends), with the same parsing and errors. */
export function publicRoute<P, S extends z.ZodType | undefined = undefined>(
  options: { body?: S; maxBodyBytes?: number },
  handler: (
    ctx: { db: Database },
    args: HandlerArgs<P, S extends z.ZodType ? z.output<S> : undefined>,
  ) => Promise<unknown>,
) {
  return async (request: Request, route: RouteArgs<P>): Promise<Response> => {
    try {
      const body = options.body
        ? options.body.parse(await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
        : undefined;
      const result = await handler({ db: getDb() }, { request, params: await route.params, body: body as never });
      return result instanceof Response ? result : Response.json(result ?? null);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
