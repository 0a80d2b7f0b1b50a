// A survey's responses, oldest first, in pages: ?limit=1..1000 (default 100) &after=<last id of the previous page>.
import { listResponsesPage } from "@/db/queries/responses";
import { findSurvey } from "@/db/queries/surveys";
import { apiRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { ZListResponsesQuery } from "@/lib/surveys/schemas";
import { responseJson } from "@/lib/surveys/survey-json";

export const GET = apiRoute<{ surveyId: string }>({ permission: "responses:read" }, async (ctx, { params, request }) => {
  const search = new URL(request.url).searchParams;
  const query = ZListResponsesQuery.parse({ limit: search.get("limit") ?? undefined, after: search.get("after") ?? undefined });
  const survey = await findSurvey(ctx.db, { workspaceId: ctx.workspace.id, surveyId: params.surveyId });
  if (!survey) throw new AppError("not_found", "Survey not found.");
  const rows = await listResponsesPage(ctx.db, { workspaceId: ctx.workspace.id, surveyId: survey.id, limit: query.limit, after: query.after });
  return { responses: rows.map(responseJson), nextCursor: rows.length === query.limit ? rows[rows.length - 1]!.id : null };
});
