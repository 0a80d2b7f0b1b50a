import type { Database } from "@/db/client";
import { findResponseBySubmissionKey, insertResponseOnce } from "@/db/queries/responses";
import { findPublicSurveyForSubmit } from "@/db/queries/surveys";
import { admitResponse } from "@/lib/distribution/respondent-access";
import { AppError } from "@/lib/errors";
import { translate } from "@/lib/i18n/translate";
import { answerQualityFlags } from "@/lib/responses/quality";
import { answerIssueText } from "./answer-messages";
import type { Answers } from "./answers";
import { responseLanguage } from "./definition";
import { displayOrderOf } from "./display-order";
import { PUBLIC_ID_PATTERN, ZSubmitResponseInput } from "./schemas";
import { compiledVersion } from "./version-cache";

const MAX_ANSWERING_TIME_MS = 30 * 24 * 3600 * 1000;

/**
 * Stores a respondent's answers against the survey's current version. Idempotent per
 * submission key: a retry (double click, flaky network) returns the first response and stores
 * nothing new, even after the survey has closed. Every answer is re-validated here with the
 * same schema the respondent page used. The hot path is two round trips: one read of the survey
 * (status, version id, limits) and one insert; the version's definition and compiled schema come
 * from a per-process cache (lib/surveys/version-cache.ts).
 */
export async function submitResponse(db: Database, params: { input: unknown; now?: Date; channel?: "public" | "api" }) {
  const input = ZSubmitResponseInput.parse(params.input);
  const now = params.now ?? new Date();
  const survey = PUBLIC_ID_PATTERN.test(input.publicId) ? await findPublicSurveyForSubmit(db, { publicId: input.publicId }) : undefined;
  if (!survey) throw new AppError("not_found", "This survey does not exist.");
  const key = { workspaceId: survey.workspaceId, surveyId: survey.id, submissionKey: input.submissionKey };

  if (survey.status !== "published") {
    const earlier = await findResponseBySubmissionKey(db, key);
    if (earlier) return { responseId: earlier.id, versionId: earlier.versionId, duplicate: true };
    throw new AppError("closed", "This survey is closed and no longer takes answers.");
  }

  const version = await compiledVersion(db, { workspaceId: survey.workspaceId, versionId: survey.versionId });
  if (!version) throw new AppError("not_found", "This survey does not exist.");
  const definition = version.definition;
  const language = responseLanguage(definition, input.language);
  const parsed = version.schema.safeParse(input.answers);
  if (!parsed.success) {
    // Worded in the response's language, like the respondent page; shapes only custom front ends send stay technical English.
    const t = translate(language);
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[["answers", ...issue.path].join(".")] ??= []).push(answerIssueText(issue, t, "original"));
    throw new AppError("invalid", "Some answers are missing or not valid.", fieldErrors);
  }

  const startedAt = input.startedAt ? new Date(input.startedAt) : null;
  const plausibleStart = startedAt && startedAt <= now && now.getTime() - startedAt.getTime() < MAX_ANSWERING_TIME_MS;
  // Distribution rules (personal token, close date, limit, quotas) decide whether the insert runs.
  const admission = { survey, limits: survey, token: input.token, channel: params.channel ?? "public", submissionKey: input.submissionKey, answers: parsed.data, now } as const;
  const inserted = await admitResponse(db, admission, (tx, identity) => insertResponseOnce(tx, {
    workspaceId: survey.workspaceId,
    surveyId: survey.id,
    versionId: survey.versionId,
    submissionKey: input.submissionKey,
    answers: parsed.data as Answers,
    language,
    // A personal link's customer id comes from its contact; one in the request cannot override it.
    customerId: identity.contactId ? (identity.customerId ?? null) : input.customerId || null,
    contactId: identity.contactId,
    channel: identity.channel,
    startedAt: plausibleStart ? startedAt : null,
    completedAt: now,
    flags: answerQualityFlags(definition, parsed.data as Answers),
    displayOrder: displayOrderOf(definition, input.submissionKey),
  }));
  if (inserted) return { responseId: inserted.id, versionId: inserted.versionId, duplicate: false };
  const existing = await findResponseBySubmissionKey(db, key);
  return { responseId: existing!.id, versionId: existing!.versionId, duplicate: true };
}
