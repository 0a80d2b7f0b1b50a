// Two saved solutions of one study side by side: cross-tab of the responses in both and the adjusted Rand index.
import { apiRoute } from "@/lib/auth/api-route";
import { compareSolutions } from "@/lib/segmentation/solution/compare-solutions";
import { requireSolution } from "@/lib/segmentation/solution/require-solution";
import { ZCompareSolutionsInput } from "@/lib/segmentation/solution/schemas";

export const GET = apiRoute<{ segmentationId: string; otherId: string }>({ permission: "segments:read" }, async (ctx, { params }) => {
  const solution = await requireSolution(ctx.db, { workspaceId: ctx.workspace.id, segmentationId: params.segmentationId });
  const { otherId } = ZCompareSolutionsInput.parse({ otherId: params.otherId });
  return compareSolutions(ctx.db, { workspaceId: ctx.workspace.id, solution, otherId });
});
