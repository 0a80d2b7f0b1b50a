// A study's surveys: list them, or create a draft from a survey definition (JSON import).
import { findStudy } from "@/db/queries/studies";
import { findSurvey, listSurveysForStudy } from "@/db/queries/surveys";
import { apiRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { createSurvey } from "@/lib/surveys/create-survey";
import { ZSurveyDefinition } from "@/lib/surveys/definition";
import { surveyJson, surveySummaryJson } from "@/lib/surveys/survey-json";

type Params = { studyId: string };

export const GET = apiRoute<Params>({ permission: "responses:read" }, async (ctx, { params }) => {
  if (!(await findStudy(ctx.db, { workspaceId: ctx.workspace.id, studyId: params.studyId }))) throw new AppError("not_found", "Study not found.");
  const surveys = await listSurveysForStudy(ctx.db, { workspaceId: ctx.workspace.id, studyId: params.studyId });
  return { surveys: surveys.map(surveySummaryJson) };
});

export const POST = apiRoute<Params, typeof ZSurveyDefinition>({ permission: "survey:write", body: ZSurveyDefinition }, async (ctx, { params, body }) => {
  const created = await createSurvey(ctx.db, { workspaceId: ctx.workspace.id, studyId: params.studyId, definition: body });
  const survey = await findSurvey(ctx.db, { workspaceId: ctx.workspace.id, surveyId: created.id });
  return Response.json(surveyJson(survey!), { status: 201 });
});
