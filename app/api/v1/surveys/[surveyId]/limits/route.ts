// A survey's limits: close date, response limit, quotas and how long personal links stay valid.
import { apiRoute } from "@/lib/auth/api-route";
import { ZSurveyLimits } from "@/lib/distribution/schemas";
import { getSurveyLimits, saveSurveyLimits } from "@/lib/distribution/survey-limits";

export const GET = apiRoute<{ surveyId: string }>({ permission: "survey:write" }, async (ctx, { params }) =>
  getSurveyLimits(ctx.db, { workspaceId: ctx.workspace.id, surveyId: params.surveyId }),
);

export const PUT = apiRoute<{ surveyId: string }, typeof ZSurveyLimits>({ permission: "survey:write", body: ZSurveyLimits, maxBodyBytes: 100_000 }, async (ctx, { params, body }) => {
  await saveSurveyLimits(ctx.db, { workspaceId: ctx.workspace.id, input: { ...body, surveyId: params.surveyId } });
  return getSurveyLimits(ctx.db, { workspaceId: ctx.workspace.id, surveyId: params.surveyId });
});
