import type { Database } from "@/db/client";
import { claimDueAccountMessages, setAccountMessageOutcome } from "@/db/queries/account-messages";
import { smtpTransport, type MailTransport } from "@/lib/distribution/mail-transport";
import { mailDropDir, smtpSettings } from "@/lib/env";
import { writeMailDrop } from "./mail-drop";

const BATCH = 25;

/**
 * Sends due account mail (password resets) once, whichever app instance runs it: each batch is claimed
 * with FOR UPDATE SKIP LOCKED. With SMTP a message is sent; without, it stays in account_messages with
 * status "outbox" and is written to the mail drop folder (NEEDSCAPE_MAIL_DIR) as an .eml file.
 */
export async function deliverAccountMessages(
  db: Database,
  params: { now?: Date; transport?: MailTransport | null; mailDir?: string } = {},
) {
  const transport = params.transport === undefined ? smtpTransport() : (params.transport ?? undefined);
  const mailDir = params.mailDir ?? mailDropDir();
  const from = smtpSettings()?.from ?? "Needscape <no-reply@needscape.local>";
  const totals = { sent: 0, outbox: 0, failed: 0 };
  for (;;) {
    const now = params.now ?? new Date();
    const handled = await db.transaction(async (tx) => {
      const due = await claimDueAccountMessages(tx, { now, limit: BATCH });
      for (const message of due) {
        let outcome: "sent" | "outbox" | "failed" = transport ? "sent" : "outbox";
        let error: string | undefined;
        try {
          if (transport) await transport.send({ to: message.toEmail, subject: message.subject, body: message.body });
          else writeMailDrop(mailDir, { from, to: message.toEmail, subject: message.subject, body: message.body, date: message.createdAt, id: message.id });
        } catch (cause) {
          // Without SMTP the row still counts as "outbox": the drop file is a convenience, the row is the record.
          if (transport) outcome = "failed";
          error = cause instanceof Error ? cause.message.slice(0, 500) : "Sending failed";
        }
        await setAccountMessageOutcome(tx, { id: message.id, status: outcome, error, now });
        totals[outcome]++;
      }
      return due.length;
    });
    if (handled < BATCH) return totals;
  }
}
