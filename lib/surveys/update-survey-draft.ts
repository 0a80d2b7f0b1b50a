import type { Database } from "@/db/client";
import { updateSurveyDraftRow } from "@/db/queries/surveys";
import { AppError } from "@/lib/errors";
import { titleOf, ZSurveyDefinition } from "./definition";

/**
 * Saves the designer's working copy. Published versions are separate rows and stay as they
 * were; the change reaches respondents only when the survey is published again.
 */
export async function updateSurveyDraft(db: Database, params: { workspaceId: string; surveyId: string; definition: unknown }) {
  const definition = ZSurveyDefinition.parse(params.definition);
  const survey = await updateSurveyDraftRow(db, {
    workspaceId: params.workspaceId,
    surveyId: params.surveyId,
    title: titleOf(definition),
    definition,
  });
  if (!survey) throw new AppError("not_found", "Survey not found.");
  return survey;
}
