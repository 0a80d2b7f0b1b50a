// Studies of the API key's (or session's) workspace: list and create.
import { listStudies } from "@/db/queries/studies";
import { apiRoute } from "@/lib/auth/api-route";
import { createStudy } from "@/lib/studies/create-study";
import { ZCreateStudyInput } from "@/lib/studies/schemas";

export const GET = apiRoute({ permission: "study:read" }, async (ctx) => ({
  studies: await listStudies(ctx.db, { workspaceId: ctx.workspace.id }),
}));

export const POST = apiRoute({ permission: "study:write", body: ZCreateStudyInput }, async (ctx, { body }) =>
  Response.json(await createStudy(ctx.db, { workspaceId: ctx.workspace.id, input: body }), { status: 201 }),
);
