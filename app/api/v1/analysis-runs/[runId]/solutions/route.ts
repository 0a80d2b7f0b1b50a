// Saves the chosen k of a finished analysis run as an immutable k-means solution.
import { apiRoute } from "@/lib/auth/api-route";
import { getSegmentation } from "@/lib/segmentation/get-segmentation";
import { segmentationJson } from "@/lib/segmentation/segmentation-json";
import { ZSaveSweepSolutionInput } from "@/lib/segmentation/dataset/schemas";
import { saveRunSolution } from "@/lib/segmentation/sweep/save-run-solution";

export const POST = apiRoute<{ runId: string }, typeof ZSaveSweepSolutionInput>(
  { permission: "analysis:run", body: ZSaveSweepSolutionInput },
  async (ctx, { params, body }) => {
    const { id } = await saveRunSolution(ctx.db, { workspaceId: ctx.workspace.id, runId: params.runId, userId: ctx.userId, k: body.k, name: body.name });
    const saved = await getSegmentation(ctx.db, { workspaceId: ctx.workspace.id, segmentationId: id });
    return Response.json(segmentationJson(saved!), { status: 201 });
  },
);
