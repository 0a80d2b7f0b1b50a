// A study's customer metrics: the latest snapshot's summary, segments, grid, histograms, join to respondents and one page of customers.
import { apiRoute } from "@/lib/auth/api-route";
import { loadCustomerOverview } from "@/lib/customers/metrics/load-overview";
import { customerTableParams, ZCustomerTableQuery } from "@/lib/customers/metrics/schemas";

type Params = { studyId: string };

export const GET = apiRoute<Params>({ permission: "customers:read" }, async (ctx, { request, params }) => {
  const table = ZCustomerTableQuery.parse(customerTableParams(Object.fromEntries(new URL(request.url).searchParams)));
  const overview = await loadCustomerOverview(ctx.db, { workspaceId: ctx.workspace.id, studyId: params.studyId, table });
  const { study, ...rest } = overview;
  return { studyId: study.id, ...rest };
});
