// One saved k-means solution with its segments and profiles (summaries only).
import { apiRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { getSegmentation } from "@/lib/segmentation/get-segmentation";
import { segmentationJson } from "@/lib/segmentation/segmentation-json";

export const GET = apiRoute<{ segmentationId: string }>({ permission: "segments:read" }, async (ctx, { params }) => {
  const solution = await getSegmentation(ctx.db, { workspaceId: ctx.workspace.id, segmentationId: params.segmentationId });
  if (!solution) throw new AppError("not_found", "Segmentation not found.");
  return segmentationJson(solution);
});
