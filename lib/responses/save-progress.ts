import type { Database } from "@/db/client";
import { findProgress, upsertPartialResponse } from "@/db/queries/response-progress";
import { findPublicSurvey } from "@/db/queries/surveys";
import { AppError } from "@/lib/errors";
import { translate } from "@/lib/i18n/translate";
import { responseLanguage } from "@/lib/surveys/definition";
import { displayOrderOf } from "@/lib/surveys/display-order";
import { PUBLIC_ID_PATTERN } from "@/lib/surveys/schemas";
import { checkPartialAnswers } from "./partial-answers";
import { ZLoadProgressInput, ZSaveProgressInput } from "./schemas";

const MAX_ANSWERING_TIME_MS = 30 * 24 * 3600 * 1000;

async function openSurvey(db: Database, publicId: string) {
  const survey = PUBLIC_ID_PATTERN.test(publicId) ? await findPublicSurvey(db, { publicId }) : undefined;
  if (!survey) throw new AppError("not_found", "This survey does not exist.");
  return survey;
}

/**
 * Autosave: stores the answers given so far as a partial response under the browser's key.
 * Every given answer passes the same schema as a final submission; only required-ness waits
 * for the final submit. Saving after the final submit changes nothing.
 */
export async function saveProgress(db: Database, params: { input: unknown; now?: Date }) {
  const input = ZSaveProgressInput.parse(params.input);
  const now = params.now ?? new Date();
  const survey = await openSurvey(db, input.publicId);
  if (survey.status !== "published") throw new AppError("closed", "This survey is closed and no longer takes answers.");
  const check = checkPartialAnswers(survey.definition, input.answers, translate(responseLanguage(survey.definition, input.language)));
  if (Object.keys(check.fieldErrors).length > 0) throw new AppError("invalid", "Some answers are not valid.", check.fieldErrors);
  const definition = survey.definition;
  const startedAt = input.startedAt ? new Date(input.startedAt) : null;
  const plausibleStart = startedAt && startedAt <= now && now.getTime() - startedAt.getTime() < MAX_ANSWERING_TIME_MS;
  const lastQuestionId = input.lastQuestionId && definition.questions.some((q) => q.id === input.lastQuestionId) ? input.lastQuestionId : null;
  const saved = await upsertPartialResponse(db, {
    workspaceId: survey.workspaceId,
    surveyId: survey.id,
    versionId: survey.versionId,
    submissionKey: input.submissionKey,
    answers: check.answers,
    lastQuestionId,
    // Recomputed from the key rather than taken from the browser, so it is what the respondent was shown.
    displayOrder: displayOrderOf(definition, input.submissionKey),
    language: responseLanguage(definition, input.language),
    // Personal links bind the customer id at the final submit (from the token), never from the URL.
    customerId: input.token ? null : input.customerId || null,
    startedAt: plausibleStart ? startedAt : null,
    now,
  });
  return saved ? { status: "partial" as const, savedAt: saved.updatedAt.toISOString() } : { status: "complete" as const, savedAt: null };
}

/**
 * A returning browser's progress. Answers saved under an earlier version are re-checked
 * against the current one and whatever no longer fits is dropped, so the form never shows
 * an answer the final submit would reject.
 */
export async function loadProgress(db: Database, params: { input: unknown }) {
  const input = ZLoadProgressInput.parse(params.input);
  const survey = await openSurvey(db, input.publicId);
  const row = await findProgress(db, { workspaceId: survey.workspaceId, surveyId: survey.id, submissionKey: input.submissionKey });
  if (!row) return { status: "new" as const, answers: {}, lastQuestionId: null };
  if (row.status === "complete") return { status: "complete" as const, answers: {}, lastQuestionId: null };
  const answers = row.versionId === survey.versionId ? row.answers : checkPartialAnswers(survey.definition, row.answers).answers;
  return { status: "partial" as const, answers, lastQuestionId: row.lastQuestionId };
}
