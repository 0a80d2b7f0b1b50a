import type { Database } from "@/db/client";
import { findDistributionSurvey, updateSurveyLimits } from "@/db/queries/distribution";
import { AppError } from "@/lib/errors";
import { parseLocalDateTime, type TSurveyLimitsInput, ZSurveyLimitsInput } from "./schemas";

/**
 * Saves a survey's close date, response limit, quotas and personal-link lifetime; quotas must name a
 * single-choice question and one of its codes.
 */
export async function saveSurveyLimits(db: Database, params: { workspaceId: string; input: TSurveyLimitsInput }) {
  const input = ZSurveyLimitsInput.parse(params.input);
  const survey = await findDistributionSurvey(db, { workspaceId: params.workspaceId, surveyId: input.surveyId });
  if (!survey) throw new AppError("not_found", "Survey not found.");
  const fieldErrors: Record<string, string[]> = {};
  input.quotas.forEach((quota, index) => {
    const question = survey.definition.questions.find((q) => q.id === quota.questionId);
    const options = question && "options" in question && question.type === "single_choice" ? question.options : undefined;
    if (!options) fieldErrors[`quotas.${index}.questionId`] = ["Choose a single-choice question of the survey"];
    else if (!options.some((option) => option.code === quota.optionCode)) fieldErrors[`quotas.${index}.optionCode`] = ["Choose one of the question's options"];
  });
  if (Object.keys(fieldErrors).length) throw new AppError("invalid", "Please correct the highlighted fields.", fieldErrors);
  await updateSurveyLimits(db, {
    workspaceId: params.workspaceId,
    surveyId: survey.id,
    closeAt: parseLocalDateTime(input.closeAt, input.timezoneOffset),
    responseLimit: noneIfEmpty(input.responseLimit),
    quotas: input.quotas,
    personalLinkDays: noneIfEmpty(input.personalLinkDays),
  });
  return { saved: true };
}

const noneIfEmpty = (value: number | "" | null | undefined): number | null => (value === "" || value === undefined ? null : value);

/** The limits as the API shows them (the close date as an ISO time). */
export async function getSurveyLimits(db: Database, params: { workspaceId: string; surveyId: string }) {
  const survey = await findDistributionSurvey(db, params);
  if (!survey) throw new AppError("not_found", "Survey not found.");
  return { closeAt: survey.closeAt?.toISOString() ?? null, responseLimit: survey.responseLimit, quotas: survey.quotas, personalLinkDays: survey.personalLinkDays };
}
