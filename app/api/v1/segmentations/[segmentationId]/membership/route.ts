// Which response (and customer) is in which segment of a saved solution, for CRMs. Personal data: needs responses:read.
import { findSegmentation, listSegmentMembership } from "@/db/queries/segmentations";
import { apiRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";

export const GET = apiRoute<{ segmentationId: string }>({ permission: "responses:read" }, async (ctx, { params }) => {
  const query = { workspaceId: ctx.workspace.id, segmentationId: params.segmentationId };
  const solution = await findSegmentation(ctx.db, query);
  if (!solution) throw new AppError("not_found", "Segmentation not found.");
  return { segmentationId: solution.id, name: solution.name, members: await listSegmentMembership(ctx.db, query) };
});
