import { z } from "zod";

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address")).pipe(z.string().max(254));

/** bcrypt reads only the first 72 bytes of a password (UTF-8 bytes: ä takes 2, an emoji 4). */
export const PASSWORD_MAX_BYTES = 72;
const utf8Bytes = (value: string) => new TextEncoder().encode(value).length;
const withinBcryptLimit = (value: string) => value.length <= PASSWORD_MAX_BYTES && utf8Bytes(value) <= PASSWORD_MAX_BYTES;

export const ZPassword = z
  .string()
  .min(10, "Use at least 10 characters")
  .refine(withinBcryptLimit, "Use at most 72 bytes (letters like ä count twice)")
  .refine((value) => /[a-zA-Z]/.test(value) && /[^a-zA-Z]/.test(value), "Mix letters with digits or symbols");

export const ZName = z.string().trim().min(1, "Tell us your name").max(120);

export const ZSignUpInput = z.object({
  name: ZName,
  email: ZEmail,
  password: ZPassword,
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  // Longer input could match a stored password on its first 72 bytes alone, so it is refused here too.
  password: z.string().min(1, "Enter your password").refine(withinBcryptLimit, "Passwords are at most 72 bytes; reset yours if it is longer"),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200),
    newPassword: ZPassword,
  })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZForgotPasswordInput = z.object({ email: ZEmail });
export type TForgotPasswordInput = z.infer<typeof ZForgotPasswordInput>;

export const ZResetPasswordInput = z.object({
  token: z.string().min(20).max(200),
  password: ZPassword,
});
export type TResetPasswordInput = z.infer<typeof ZResetPasswordInput>;

export const ZUpdateNameInput = z.object({ name: ZName });
export type TUpdateNameInput = z.infer<typeof ZUpdateNameInput>;

export const ZRevokeSessionInput = z.object({ sessionId: z.uuid() });

export const ZLinkSsoInput = z.object({ provider: z.string().min(1).max(40) });
