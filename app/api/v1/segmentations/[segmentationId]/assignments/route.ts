// Places complete responses the solution does not hold yet (later responses, a new wave) in the nearest saved centroid's segment.
import { apiRoute } from "@/lib/auth/api-route";
import { assignNewRespondents } from "@/lib/segmentation/solution/assign-new-respondents";

export const POST = apiRoute<{ segmentationId: string }>({ permission: "analysis:run" }, async (ctx, { params }) =>
  assignNewRespondents(ctx.db, { workspaceId: ctx.workspace.id, segmentationId: params.segmentationId }),
);
