import type { Database } from "@/db/client";
import { insertAccountMessage } from "@/db/queries/account-messages";
import { consumeResetToken, deleteUnusedResetTokens, findValidResetToken, replaceResetToken } from "@/db/queries/password-reset-tokens";
import { revokeUserSessions } from "@/db/queries/user-sessions";
import { findUserByEmail, setUserPassword } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/passwords";
import { ZForgotPasswordInput, ZResetPasswordInput } from "@/lib/auth/schemas";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";

/** A reset link works once, for this long. */
export const RESET_TOKEN_MS = 3600_000;

/** Built from the configured public URL (NEXTAUTH_URL), never from the request's Host header. */
export function resetLink(token: string): string {
  return `${appUrl()}/reset-password?token=${encodeURIComponent(token)}`;
}

/**
 * "Forgot your password?": for a known e-mail, a single-use token (only its SHA-256 stored) and a mail
 * with the link, queued in account_messages. For an unknown e-mail nothing happens, and the caller
 * answers the same either way, so the form reveals nothing about which e-mails have accounts.
 */
export async function requestPasswordReset(db: Database, rawInput: unknown, options: { locale?: Locale; now?: Date } = {}): Promise<void> {
  const { email } = ZForgotPasswordInput.parse(rawInput);
  const now = options.now ?? new Date();
  const user = await findUserByEmail(db, { email });
  if (!user) return;
  const token = newToken(32);
  const t = translate(options.locale ?? DEFAULT_LOCALE);
  const link = resetLink(token);
  const minutes = String(RESET_TOKEN_MS / 60_000);
  await db.transaction(async (tx) => {
    await replaceResetToken(tx, { userId: user.id, tokenHash: hashToken(token), now, expiresAt: new Date(now.getTime() + RESET_TOKEN_MS) });
    await insertAccountMessage(tx, {
      userId: user.id,
      kind: "password_reset",
      toEmail: user.email,
      subject: t("account.resetMailSubject"),
      body: t("account.resetMailBody", { name: user.name, link, minutes }),
      now,
    });
  });
}

/** Whether a reset link can still be used (the reset page asks before showing its form). */
export async function isResetTokenValid(db: Database, params: { token: string; now?: Date }): Promise<boolean> {
  if (params.token.length < 20 || params.token.length > 200) return false;
  return Boolean(await findValidResetToken(db, { tokenHash: hashToken(params.token), now: params.now ?? new Date() }));
}

/**
 * Sets a new password through a reset link: the token is used up, every session of the user ends, and
 * nobody is signed in; the person signs in with the new password.
 */
export async function resetPassword(db: Database, rawInput: unknown, options: { now?: Date } = {}): Promise<void> {
  const input = ZResetPasswordInput.parse(rawInput);
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const userId = await consumeResetToken(tx, { tokenHash: hashToken(input.token), now });
    if (!userId) {
      throw new AppError("invalid", "This reset link has expired or was already used. Ask for a new one.", {
        token: ["This reset link has expired or was already used"],
      });
    }
    await setUserPassword(tx, { userId, passwordHash, now });
    await revokeUserSessions(tx, { userId, now });
    await deleteUnusedResetTokens(tx, { userId });
  });
}
