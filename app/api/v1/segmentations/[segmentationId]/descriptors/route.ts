// Descriptor tables of a saved solution: per segment distributions or means, the test, its effect size, and the KPIs. Aggregates only.
import { apiRoute } from "@/lib/auth/api-route";
import { describeSolution } from "@/lib/segmentation/solution/describe-solution";
import { requireSolution } from "@/lib/segmentation/solution/require-solution";

export const GET = apiRoute<{ segmentationId: string }>({ permission: "segments:read" }, async (ctx, { params }) => {
  const solution = await requireSolution(ctx.db, { workspaceId: ctx.workspace.id, segmentationId: params.segmentationId });
  const description = await describeSolution(ctx.db, { workspaceId: ctx.workspace.id, solution });
  return { segmentationId: solution.id, segments: solution.summary.segments.map((segment) => segment.name), ...description };
});
