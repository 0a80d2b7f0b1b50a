import { z } from "zod";

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address")).pipe(z.string().max(254));

export const ZPassword = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters")
  .refine((value) => /[a-zA-Z]/.test(value) && /[^a-zA-Z]/.test(value), "Mix letters with digits or symbols");

export const ZSignUpInput = z.object({
  name: z.string().trim().min(1, "Tell us your name").max(120),
  email: ZEmail,
  password: ZPassword,
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password").max(200),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;
