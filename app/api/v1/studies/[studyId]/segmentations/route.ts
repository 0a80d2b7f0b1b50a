// A study's saved k-means solutions: list them, or run k-means and save the solution.
import { listSegmentations } from "@/db/queries/segmentations";
import { findStudy } from "@/db/queries/studies";
import type { WorkspaceContext } from "@/lib/auth/access";
import { apiRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { getSegmentation } from "@/lib/segmentation/get-segmentation";
import { saveSegmentation } from "@/lib/segmentation/save-segmentation";
import { segmentationJson } from "@/lib/segmentation/segmentation-json";
import { ZRunSegmentationInput } from "@/lib/segmentation/schemas";

type Params = { studyId: string };

async function requireStudy(ctx: WorkspaceContext, studyId: string) {
  const study = await findStudy(ctx.db, { workspaceId: ctx.workspace.id, studyId });
  if (!study) throw new AppError("not_found", "Study not found.");
  return study;
}

export const GET = apiRoute<Params>({ permission: "segments:read" }, async (ctx, { params }) => {
  await requireStudy(ctx, params.studyId);
  const rows = await listSegmentations(ctx.db, { workspaceId: ctx.workspace.id, studyId: params.studyId });
  return { segmentations: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
});

export const POST = apiRoute<Params, typeof ZRunSegmentationInput>(
  { permission: "analysis:run", body: ZRunSegmentationInput },
  async (ctx, { params, body }) => {
    await requireStudy(ctx, params.studyId);
    const { id } = await saveSegmentation(ctx.db, { workspaceId: ctx.workspace.id, studyId: params.studyId, userId: ctx.userId, input: body });
    const saved = await getSegmentation(ctx.db, { workspaceId: ctx.workspace.id, segmentationId: id });
    return Response.json(segmentationJson(saved!), { status: 201 });
  },
);
