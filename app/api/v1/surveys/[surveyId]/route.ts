// One survey: status, public link and its definition (the draft, and the current published version).
import { findSurvey } from "@/db/queries/surveys";
import { apiRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { surveyJson } from "@/lib/surveys/survey-json";

export const GET = apiRoute<{ surveyId: string }>({ permission: "responses:read" }, async (ctx, { params }) => {
  const survey = await findSurvey(ctx.db, { workspaceId: ctx.workspace.id, surveyId: params.surveyId });
  if (!survey) throw new AppError("not_found", "Survey not found.");
  return surveyJson(survey);
});
