// Members of the workspace with their roles.
import { listMembers } from "@/db/queries/workspaces";
import { apiRoute } from "@/lib/auth/api-route";

export const GET = apiRoute({ permission: "members:manage" }, async (ctx) => ({ members: await listMembers(ctx.db, { workspaceId: ctx.workspace.id }) }));
