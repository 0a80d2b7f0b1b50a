import type { Database } from "@/db/client";
import { findSurvey } from "@/db/queries/surveys";
import { ZSurveyDefinition, type SurveyDefinition } from "./definition";

export type PreviewProblem = { path: string; message: string };

/**
 * A survey's current draft for the respondent preview: the definition when it passes the same
 * schema the designer and publishing use, else the problems to fix first.
 */
export async function loadSurveyPreview(db: Database, params: { workspaceId: string; surveyId: string }) {
  const survey = await findSurvey(db, params);
  if (!survey) return undefined;
  const parsed = ZSurveyDefinition.safeParse(survey.definition);
  const definition: SurveyDefinition | undefined = parsed.success ? parsed.data : undefined;
  const problems: PreviewProblem[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  return { survey: { id: survey.id, studyId: survey.studyId, title: survey.title, publicId: survey.publicId }, definition, problems };
}
