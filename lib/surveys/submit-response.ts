import type { z } from "zod";
import type { Database } from "@/db/client";
import { findResponseBySubmissionKey, insertResponseOnce, insertUnlimitedResponseOnce } from "@/db/queries/responses";
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
import { compiledVersion, rememberVersionHint, versionHint, type CompiledVersion } from "./version-cache";

const MAX_ANSWERING_TIME_MS = 30 * 24 * 3600 * 1000;

/** A submission already parsed with ZSubmitResponseInput (the route and the action's wrapper did it). */
export type ParsedSubmission = z.output<typeof ZSubmitResponseInput>;
type SubmitOptions = { now?: Date; channel?: "public" | "api" };
export type SubmitResult = { responseId: string; versionId: string; duplicate: boolean };

/**
 * Stores a respondent's answers against the survey's current version. Idempotent per
 * submission key: a retry (double click, flaky network) returns the first response and stores
 * nothing new, even after the survey has closed. Every answer is re-validated here with the
 * same schema the respondent page used.
 */
export async function submitResponse(db: Database, params: { input: unknown } & SubmitOptions): Promise<SubmitResult> {
  return submitParsedResponse(db, { ...params, input: ZSubmitResponseInput.parse(params.input) });
}

/**
 * submitResponse for input its caller already parsed with the same schema. Hot path, one round
 * trip: a public submission (no personal token) is validated against the version this process
 * last saw the survey publish, and a single statement inserts it only if the survey is still on
 * that version with no limit, quota or close date in the way. Anything else — first sight of the
 * survey, a new version, closed, limits, quotas, tokens, invalid answers — takes the full path.
 */
export async function submitParsedResponse(db: Database, params: { input: ParsedSubmission } & SubmitOptions): Promise<SubmitResult> {
  const { input } = params;
  const now = params.now ?? new Date();
  if (!PUBLIC_ID_PATTERN.test(input.publicId)) throw new AppError("not_found", "This survey does not exist.");
  const hint = input.token ? undefined : versionHint(input.publicId);
  const version = hint ? await compiledVersion(db, hint) : undefined;
  const parsed = version?.schema.safeParse(input.answers);
  if (hint && version && parsed?.success) {
    const row = responseRow(version, input, parsed.data as Answers, now);
    const result = await insertUnlimitedResponseOnce(db, {
      ...row,
      publicId: input.publicId,
      versionId: hint.versionId,
      customerId: input.customerId || null,
      channel: params.channel ?? "public",
    });
    if (result.admitted) {
      if (result.inserted) return { responseId: result.inserted.id, versionId: result.inserted.versionId, duplicate: false };
      // A retry: the first response, as the statement saw it or, if it committed meanwhile, now.
      const earlier = result.earlier ?? (await findResponseBySubmissionKey(db, { workspaceId: hint.workspaceId, surveyId: result.surveyId, submissionKey: input.submissionKey }));
      if (earlier) return { responseId: earlier.id, versionId: earlier.versionId, duplicate: true };
    }
  }
  return submitThroughAdmission(db, { input, now, channel: params.channel });
}

function responseRow(version: CompiledVersion, input: ParsedSubmission, answers: Answers, now: Date) {
  const definition = version.definition;
  const language = responseLanguage(definition, input.language);
  const startedAt = input.startedAt ? new Date(input.startedAt) : null;
  const plausibleStart = startedAt && startedAt <= now && now.getTime() - startedAt.getTime() < MAX_ANSWERING_TIME_MS;
  return {
    submissionKey: input.submissionKey,
    answers,
    language,
    startedAt: plausibleStart ? startedAt : null,
    completedAt: now,
    flags: answerQualityFlags(definition, answers),
    displayOrder: displayOrderOf(definition, input.submissionKey),
  };
}

/** The full path: read the survey, then distribution rules (token, close date, limit, quotas) decide whether the insert runs. */
async function submitThroughAdmission(db: Database, params: { input: ParsedSubmission; now: Date; channel?: "public" | "api" }): Promise<SubmitResult> {
  const { input, now } = params;
  const survey = await findPublicSurveyForSubmit(db, { publicId: input.publicId });
  if (!survey) throw new AppError("not_found", "This survey does not exist.");
  const key = { workspaceId: survey.workspaceId, surveyId: survey.id, submissionKey: input.submissionKey };
  rememberVersionHint(input.publicId, survey.status === "published" ? { workspaceId: survey.workspaceId, versionId: survey.versionId } : undefined);

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

  const row = responseRow(version, input, parsed.data as Answers, now);
  const admission = { survey, limits: survey, token: input.token, channel: params.channel ?? "public", submissionKey: input.submissionKey, answers: parsed.data, now } as const;
  const inserted = await admitResponse(db, admission, (tx, identity) => insertResponseOnce(tx, {
    ...row,
    workspaceId: survey.workspaceId,
    surveyId: survey.id,
    versionId: survey.versionId,
    // A personal link's customer id comes from its contact; one in the request cannot override it.
    customerId: identity.contactId ? (identity.customerId ?? null) : input.customerId || null,
    // Only a signed token vouches for the id; one from a public URL or the public API is anyone's claim.
    customerIdVerified: identity.customerIdVerified,
    contactId: identity.contactId,
    channel: identity.channel,
  }));
  if (inserted) return { responseId: inserted.id, versionId: inserted.versionId, duplicate: false };
  const existing = await findResponseBySubmissionKey(db, key);
  return { responseId: existing!.id, versionId: existing!.versionId, duplicate: true };
}
