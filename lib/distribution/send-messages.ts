import type { Database } from "@/db/client";
import { contactsToMessage, findDistributionSurvey, insertOutboxMessages } from "@/db/queries/distribution";
import { appUrl, authSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { composeMessage, type MessageKind } from "./compose-message";
import { processDueMessages } from "./process-outbox";
import type { MailTransport } from "./mail-transport";

/**
 * Queues invitations (contacts never invited) or reminders (invited, unfinished, subscribed),
 * rendered now in each contact's language, to go out at sendAt. Due ones are processed at once;
 * later ones wait for the outbox processor (page button or the server's timer).
 */
export async function sendMessages(
  db: Database,
  params: { workspaceId: string; surveyId: string; kind: MessageKind; sendAt: Date | null; origin?: string; now?: Date; transport?: MailTransport | null; secret?: string },
) {
  const now = params.now ?? new Date();
  const survey = await findDistributionSurvey(db, params);
  if (!survey) throw new AppError("not_found", "Survey not found.");
  if (survey.status !== "published") throw new AppError("conflict", "Publish the survey before inviting anyone.");
  const secret = params.secret ?? authSecret();
  // Links are built from the configured public URL, never from the request's Host or X-Forwarded-Host.
  const origin = params.origin ?? appUrl();
  const sendAt = params.sendAt && params.sendAt > now ? params.sendAt : now;
  const queued = await db.transaction(async (tx) => {
    const recipients = await contactsToMessage(tx, { workspaceId: params.workspaceId, surveyId: survey.id, kind: params.kind });
    const rows = recipients.map((contact) => {
      const message = composeMessage({
        kind: params.kind,
        secret,
        origin,
        publicId: survey.publicId,
        definition: survey.definition,
        contact: { surveyId: survey.id, contactId: contact.id, customerId: contact.customerId, language: contact.language },
      });
      return { workspaceId: params.workspaceId, surveyId: survey.id, contactId: contact.id, kind: params.kind, toEmail: contact.email, subject: message.subject, body: message.body, sendAt };
    });
    await insertOutboxMessages(tx, rows);
    return rows.length;
  });
  const processed = sendAt <= now ? await processDueMessages(db, { now, workspaceId: params.workspaceId, transport: params.transport }) : undefined;
  return { queued, scheduledFor: sendAt.toISOString(), processed };
}
