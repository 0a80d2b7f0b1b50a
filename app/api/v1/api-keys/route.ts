// API keys of the workspace: list (prefixes only) and create (the key is returned once).
import { listApiKeys } from "@/db/queries/api-keys";
import { apiRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { createApiKey } from "@/lib/workspaces/api-keys";
import { ZCreateApiKeyInput } from "@/lib/workspaces/schemas";

export const GET = apiRoute({ permission: "apikeys:manage" }, async (ctx) => ({ apiKeys: await listApiKeys(ctx.db, { workspaceId: ctx.workspace.id }) }));

export const POST = apiRoute({ permission: "apikeys:manage", body: ZCreateApiKeyInput }, async (ctx, { body }) => {
  if (!ctx.userId) throw new AppError("forbidden", "API keys are created by people signed in to the workspace.");
  const created = await createApiKey(ctx.db, { workspaceId: ctx.workspace.id, creatorId: ctx.userId, creatorRole: ctx.role, name: body.name, role: body.role });
  return Response.json(created, { status: 201 });
});
