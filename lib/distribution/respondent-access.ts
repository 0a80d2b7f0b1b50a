import type { Database } from "@/db/client";
import { admissionCounts, findCompleteResponseOfContact, findContact, personalLinkSentAt, recordLinkOpen, surveyLimits } from "@/db/queries/distribution";
import { findResponseBySubmissionKey } from "@/db/queries/responses";
import { findPublicSurvey } from "@/db/queries/surveys";
import { authSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { PUBLIC_ID_PATTERN } from "@/lib/surveys/schemas";
import { contactIdOfToken, verifyContactToken } from "./contact-token";
import { isPersonalLinkExpired } from "./personal-link-expiry";
import { admissionDecision, isPastClose } from "./quotas";

export type Channel = "public" | "personal" | "api";
/** customerIdVerified: the customer id came from a signed personal-link token, not from the request. */
export type RespondentIdentity = { channel: Channel; contactId: string | null; customerId: string | null | undefined; customerIdVerified: boolean };
type SurveyRef = { id: string; workspaceId: string };
type SurveyLimits = NonNullable<Awaited<ReturnType<typeof surveyLimits>>>;

export const INVALID_LINK_MESSAGE = "This personal link is not valid. Check that you copied the whole link from your invitation.";
export const ALREADY_ANSWERED_MESSAGE = "You have already answered this survey with this personal link.";
export const LINK_EXPIRED_MESSAGE = "This personal link has expired.";

/** Whether this contact's personal link has outlived the survey's personal-link lifetime. */
async function personalLinkExpired(db: Database, params: { workspaceId: string; surveyId: string; contactId: string; days: number | null; now: Date }) {
  if (params.days === null) return false;
  return isPersonalLinkExpired({ days: params.days, sentAt: await personalLinkSentAt(db, params), now: params.now });
}

/** The contact a personal-link token was signed for, or undefined for a tampered, foreign or unknown token. */
export async function verifyPersonalToken(db: Database, params: { surveyId: string; token: string; lock?: boolean; secret?: string }) {
  const contactId = contactIdOfToken(params.token);
  if (!contactId) return undefined;
  const contact = await findContact(db, { surveyId: params.surveyId, contactId, lock: params.lock });
  if (!contact) return undefined;
  const subject = { surveyId: params.surveyId, contactId: contact.id, customerId: contact.customerId };
  return verifyContactToken(params.secret ?? authSecret(), "respond", params.token, subject) ? contact : undefined;
}

export type RespondentGate =
  | { state: "open"; contact?: { id: string; customerId: string | null; language: string | null } }
  | { state: "invalid_link" | "already_answered" | "closed" | "expired" | "full" };

/**
 * What the respondent page may show for this visit: the form (with the contact of a valid
 * personal link), or why not. Records the visit for the funnel when the form is shown.
 */
export async function respondentGate(db: Database, params: { publicId: string; token?: string; now?: Date; secret?: string }): Promise<RespondentGate | undefined> {
  if (!PUBLIC_ID_PATTERN.test(params.publicId)) return undefined;
  const survey = await findPublicSurvey(db, { publicId: params.publicId });
  if (!survey) return undefined;
  const key = { workspaceId: survey.workspaceId, surveyId: survey.id };
  let contact: Awaited<ReturnType<typeof verifyPersonalToken>>;
  if (params.token !== undefined) {
    contact = await verifyPersonalToken(db, { surveyId: survey.id, token: params.token, secret: params.secret });
    if (!contact) return { state: "invalid_link" };
    if (await findCompleteResponseOfContact(db, { ...key, contactId: contact.id })) return { state: "already_answered" };
  }
  const limits = await surveyLimits(db, key);
  const now = params.now ?? new Date();
  // A personal link ends with the survey's close date, or personal_link_days after it went out.
  if (survey.status === "closed" || isPastClose(limits?.closeAt ?? null, now)) return { state: "closed" };
  if (contact && (await personalLinkExpired(db, { ...key, contactId: contact.id, days: limits?.personalLinkDays ?? null, now }))) return { state: "expired" };
  if (limits?.responseLimit != null) {
    const { completeCount } = await admissionCounts(db, { ...key, quotaQuestionIds: [] });
    if (completeCount >= limits.responseLimit) return { state: "full" };
  }
  await recordLinkOpen(db, { ...key, channel: contact ? "personal" : "public", contactId: contact?.id ?? null });
  return { state: "open", contact: contact ? { id: contact.id, customerId: contact.customerId, language: contact.language } : undefined };
}

/**
 * Runs the insert of a complete response only if this respondent may submit: a valid personal
 * token (its contact and customer id win over anything in the request), not answered before,
 * before the close date, under the response limit and quotas. With a limit, quotas or a contact,
 * the check and the insert share one transaction holding the survey (and contact) row lock, so
 * concurrent submits cannot over-fill. A retry of an already stored submission key always passes.
 */
export async function admitResponse<T>(
  db: Database,
  params: { survey: SurveyRef; limits?: SurveyLimits; token?: string; channel: Exclude<Channel, "personal">; submissionKey: string; answers: Record<string, unknown>; now: Date },
  insert: (db: Database, identity: RespondentIdentity) => Promise<T>,
): Promise<T> {
  const key = { workspaceId: params.survey.workspaceId, surveyId: params.survey.id };
  const retry = () => findResponseBySubmissionKey(db, { ...key, submissionKey: params.submissionKey });
  let identity: RespondentIdentity = { channel: params.channel, contactId: null, customerId: undefined, customerIdVerified: false };
  if (params.token) {
    const contact = await verifyPersonalToken(db, { surveyId: params.survey.id, token: params.token });
    if (!contact) throw new AppError("forbidden", INVALID_LINK_MESSAGE);
    identity = { channel: "personal", contactId: contact.id, customerId: contact.customerId, customerIdVerified: contact.customerId !== null };
  }
  // The caller may have read the limits with the survey already (one round trip fewer).
  const limits = params.limits ?? (await surveyLimits(db, key));
  if (!limits) throw new AppError("not_found", "This survey does not exist.");
  if (isPastClose(limits.closeAt, params.now)) {
    if (await retry()) return insert(db, identity);
    throw new AppError("closed", "This survey is closed and no longer takes answers.");
  }
  if (identity.contactId && (await personalLinkExpired(db, { ...key, contactId: identity.contactId, days: limits.personalLinkDays, now: params.now }))) {
    if (await retry()) return insert(db, identity);
    throw new AppError("expired", LINK_EXPIRED_MESSAGE);
  }
  const limited = limits.responseLimit !== null || limits.quotas.length > 0;
  if (!limited && !identity.contactId) return insert(db, identity);

  return db.transaction(async (tx) => {
    const locked = limited ? await surveyLimits(tx, { ...key, lock: true }) : limits;
    if (identity.contactId) await findContact(tx, { surveyId: key.surveyId, contactId: identity.contactId, lock: true });
    if (await findResponseBySubmissionKey(tx, { ...key, submissionKey: params.submissionKey })) return insert(tx, identity);
    if (identity.contactId && (await findCompleteResponseOfContact(tx, { ...key, contactId: identity.contactId }))) {
      throw new AppError("conflict", ALREADY_ANSWERED_MESSAGE);
    }
    if (locked && (locked.responseLimit !== null || locked.quotas.length > 0)) {
      const counts = await admissionCounts(tx, { ...key, quotaQuestionIds: [...new Set(locked.quotas.map((q) => q.questionId))] });
      const decision = admissionDecision({ responseLimit: locked.responseLimit, quotas: locked.quotas, answers: params.answers, ...counts });
      if (!decision.admit) {
        throw new AppError("closed", decision.reason === "limit" ? "This survey has all the responses it needs." : "This survey has all the responses it needs from people like you.");
      }
    }
    return insert(tx, identity);
  });
}
