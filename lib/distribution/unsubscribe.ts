import type { Database } from "@/db/client";
import { findContact, markContactUnsubscribed, surveyTitle } from "@/db/queries/distribution";
import { authSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { contactIdOfToken, verifyContactToken } from "./contact-token";

/** The contact an unsubscribe link was signed for, with the survey's title for the confirmation page. */
export async function findUnsubscribeTarget(db: Database, params: { token: string; secret?: string }) {
  const contactId = contactIdOfToken(params.token);
  const contact = contactId ? await findContact(db, { contactId }) : undefined;
  if (!contact) return undefined;
  const subject = { surveyId: contact.surveyId, contactId: contact.id, customerId: contact.customerId };
  if (!verifyContactToken(params.secret ?? authSecret(), "unsubscribe", params.token, subject)) return undefined;
  return { ...contact, surveyTitle: await surveyTitle(db, { surveyId: contact.surveyId }) };
}

/** Marks the contact unsubscribed: no reminders are queued or sent to it afterwards. Repeating it is harmless. */
export async function unsubscribeContact(db: Database, params: { token: string; now?: Date; secret?: string }) {
  const target = await findUnsubscribeTarget(db, params);
  if (!target) throw new AppError("forbidden", "This unsubscribe link is not valid.");
  await markContactUnsubscribed(db, { surveyId: target.surveyId, contactId: target.id, now: params.now ?? new Date() });
  return { unsubscribed: true };
}
