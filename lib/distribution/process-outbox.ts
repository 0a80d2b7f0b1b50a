import type { Database } from "@/db/client";
import { claimDueMessages, setMessageOutcome } from "@/db/queries/distribution";
import { smtpTransport, type MailTransport } from "./mail-transport";

const BATCH = 25;

/**
 * Sends every due message once, whichever app instance runs it: each batch is claimed in a
 * transaction with FOR UPDATE SKIP LOCKED, so concurrent processors take disjoint rows. Messages
 * whose contact unsubscribed (or, for reminders, finished) since queuing are skipped. Without SMTP
 * a message is marked "outbox": the outbox page shows it as what would have been sent.
 */
export async function processDueMessages(db: Database, params: { now?: Date; workspaceId?: string; transport?: MailTransport | null } = {}) {
  const transport = params.transport === undefined ? smtpTransport() : (params.transport ?? undefined);
  const totals = { sent: 0, outbox: 0, skipped: 0, failed: 0 };
  for (;;) {
    const now = params.now ?? new Date();
    const handled = await db.transaction(async (tx) => {
      const due = await claimDueMessages(tx, { now, limit: BATCH, workspaceId: params.workspaceId });
      for (const message of due) {
        let outcome: "sent" | "outbox" | "skipped" | "failed" = transport ? "sent" : "outbox";
        let error: string | undefined;
        if (message.unsubscribed || (message.kind === "reminder" && message.completed)) outcome = "skipped";
        else if (transport) {
          try {
            await transport.send({ to: message.toEmail, subject: message.subject, body: message.body });
          } catch (cause) {
            outcome = "failed";
            error = cause instanceof Error ? cause.message.slice(0, 500) : "Sending failed";
          }
        }
        await setMessageOutcome(tx, { id: message.id, status: outcome, error, now });
        totals[outcome]++;
      }
      return due.length;
    });
    if (handled < BATCH) return totals;
  }
}
