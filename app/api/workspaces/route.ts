// The signed-in user's workspaces: list and create.
import { listWorkspacesForUser } from "@/db/queries/workspaces";
import { userRoute } from "@/lib/auth/api-route";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { ZCreateWorkspaceInput } from "@/lib/workspaces/schemas";

export const GET = userRoute({}, async ({ db, user }) => ({ workspaces: await listWorkspacesForUser(db, { userId: user.id }) }));

export const POST = userRoute({ body: ZCreateWorkspaceInput }, async ({ db, user }, { body }) =>
  Response.json(await createWorkspace(db, { ownerId: user.id, input: body }), { status: 201 }),
);
