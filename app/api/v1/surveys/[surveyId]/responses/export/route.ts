// A survey's responses streamed as CSV (codes or labels), JSON, or the codebook: ?format=csv|json|codebook&labels=1&lang=fi plus list filters.
import { apiRoute } from "@/lib/auth/api-route";
import { exportResponse, exportResponses } from "@/lib/responses/export-responses";
import { ZExportQuery, ZResponseListFilters } from "@/lib/responses/schemas";

export const GET = apiRoute<{ surveyId: string }>({ permission: "responses:read" }, async (ctx, { params, request }) => {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const query = ZExportQuery.parse({ format: search.format || undefined, labels: search.labels, lang: search.lang });
  const filters = ZResponseListFilters.parse(search);
  return exportResponse(await exportResponses(ctx.db, { workspaceId: ctx.workspace.id, surveyId: params.surveyId, filters, query }));
});
