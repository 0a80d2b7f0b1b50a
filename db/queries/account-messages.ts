import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Database } from "../client";
import { accountMessages } from "../schema";

export async function insertAccountMessage(
  db: Database,
  params: { userId: string | null; kind: string; toEmail: string; subject: string; body: string; now: Date },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(accountMessages)
    .values({ userId: params.userId, kind: params.kind, toEmail: params.toEmail, subject: params.subject, body: params.body, sendAt: params.now, createdAt: params.now })
    .returning({ id: accountMessages.id });
  return row!;
}

/** Due account mail, locked for this transaction; concurrent processors skip each other's rows. */
export async function claimDueAccountMessages(db: Database, params: { now: Date; limit: number }) {
  return db
    .select({ id: accountMessages.id, kind: accountMessages.kind, toEmail: accountMessages.toEmail, subject: accountMessages.subject, body: accountMessages.body, createdAt: accountMessages.createdAt })
    .from(accountMessages)
    .where(and(eq(accountMessages.status, "scheduled"), lte(accountMessages.sendAt, params.now)))
    .orderBy(asc(accountMessages.sendAt))
    .limit(params.limit)
    .for("update", { skipLocked: true });
}

export async function setAccountMessageOutcome(db: Database, params: { id: string; status: "sent" | "outbox" | "failed"; error?: string; now: Date }) {
  await db
    .update(accountMessages)
    .set({ status: params.status, error: params.error ?? null, processedAt: params.now, attempts: sql`${accountMessages.attempts} + 1` })
    .where(eq(accountMessages.id, params.id));
}

/** For tests and support: the account mail sent to an address, newest first. */
export async function listAccountMessages(db: Database, params: { toEmail: string }) {
  return db
    .select({ id: accountMessages.id, kind: accountMessages.kind, subject: accountMessages.subject, body: accountMessages.body, status: accountMessages.status, createdAt: accountMessages.createdAt })
    .from(accountMessages)
    .where(eq(accountMessages.toEmail, params.toEmail))
    .orderBy(sql`${accountMessages.createdAt} desc`);
}
