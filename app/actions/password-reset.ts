"use server";

import { after } from "next/server";
import { getDb } from "@/db/client";
import { deliverAccountMessages } from "@/lib/accounts/account-mail";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { publicAction } from "@/lib/auth/access";
import { ZForgotPasswordInput, ZResetPasswordInput } from "@/lib/auth/schemas";
import { requestClientAddress } from "@/lib/http/client-address";
import { currentLocale } from "@/lib/i18n/server";
import { limitPasswordResetRequest, limitPasswordResetUse } from "@/lib/rate-limit/limits";

/** Answers the same whether or not the e-mail has an account; the mail goes out after the response. */
export const requestPasswordResetAction = publicAction({ schema: ZForgotPasswordInput }, async ({ db }, input) => {
  await limitPasswordResetRequest(db, { email: input.email, address: await requestClientAddress() });
  await requestPasswordReset(db, input, { locale: await currentLocale() });
  after(() => deliverAccountMessages(getDb()).catch((error) => console.error("Account mail delivery failed", error)));
  return { sent: true };
});

export const resetPasswordAction = publicAction({ schema: ZResetPasswordInput }, async ({ db }, input) => {
  await limitPasswordResetUse(db, { address: await requestClientAddress() });
  await resetPassword(db, input);
  return { reset: true };
});
