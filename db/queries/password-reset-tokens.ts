import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { passwordResetTokens, users } from "../schema";

/** A new reset token for a user; earlier unused ones are deleted, so only the latest link works. */
export async function replaceResetToken(db: Database, params: { userId: string; tokenHash: string; now: Date; expiresAt: Date }) {
  await db.delete(passwordResetTokens).where(and(eq(passwordResetTokens.userId, params.userId), isNull(passwordResetTokens.usedAt)));
  await db.insert(passwordResetTokens).values({ userId: params.userId, tokenHash: params.tokenHash, createdAt: params.now, expiresAt: params.expiresAt });
}

/** Whose a valid (unused, unexpired) token is, without using it: the reset page asks before showing its form. */
export async function findValidResetToken(db: Database, params: { tokenHash: string; now: Date }) {
  const [row] = await db
    .select({ userId: passwordResetTokens.userId, email: users.email })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(and(eq(passwordResetTokens.tokenHash, params.tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, params.now)));
  return row;
}

/** Uses a token in one statement, so two requests with the same link cannot both succeed; its user, or undefined. */
export async function consumeResetToken(db: Database, params: { tokenHash: string; now: Date }): Promise<string | undefined> {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: params.now })
    .where(and(eq(passwordResetTokens.tokenHash, params.tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, params.now)))
    .returning({ userId: passwordResetTokens.userId });
  return row?.userId;
}

/** After a reset, the user's other outstanding links stop working too. */
export async function deleteUnusedResetTokens(db: Database, params: { userId: string }) {
  await db.delete(passwordResetTokens).where(and(eq(passwordResetTokens.userId, params.userId), isNull(passwordResetTokens.usedAt)));
}
