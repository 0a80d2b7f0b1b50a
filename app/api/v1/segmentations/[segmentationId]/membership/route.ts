// Which response (and customer) is in which segment of a saved solution, and since when, for CRMs: JSON, or CSV with ?format=csv. Personal data: needs responses:read.
import { listMembershipExport } from "@/db/queries/segment-descriptors";
import { apiRoute } from "@/lib/auth/api-route";
import { membershipCsv } from "@/lib/segmentation/solution/membership-csv";
import { requireSolution } from "@/lib/segmentation/solution/require-solution";
import { chartFileName } from "@/lib/charts/chart-export";

export const GET = apiRoute<{ segmentationId: string }>({ permission: "responses:read" }, async (ctx, { params, request }) => {
  const query = { workspaceId: ctx.workspace.id, segmentationId: params.segmentationId };
  const solution = await requireSolution(ctx.db, query);
  const members = await listMembershipExport(ctx.db, query);
  if (new URL(request.url).searchParams.get("format") === "csv") {
    return new Response(membershipCsv(members), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${chartFileName(`${solution.name} membership`, "csv")}"`,
        "cache-control": "no-store",
      },
    });
  }
  return {
    segmentationId: solution.id,
    name: solution.name,
    members: members.map(({ solutionName: _, assignedAt, ...member }) => ({ ...member, assignedAt: assignedAt.toISOString() })),
  };
});
