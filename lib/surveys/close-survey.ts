import type { Database } from "@/db/client";
import { findSurvey, setSurveyStatus } from "@/db/queries/surveys";
import { AppError } from "@/lib/errors";

/** Stops collecting: the public page says the survey is closed and submissions are refused. Publishing re-opens it. */
export async function closeSurvey(db: Database, params: { workspaceId: string; surveyId: string }) {
  const survey = await findSurvey(db, params);
  if (!survey) throw new AppError("not_found", "Survey not found.");
  if (survey.status === "draft") throw new AppError("conflict", "Only a published survey can be closed.");
  if (survey.status === "closed") return { surveyId: survey.id, status: survey.status };
  await setSurveyStatus(db, { ...params, status: "closed" });
  return { surveyId: survey.id, status: "closed" as const };
}
