"use server";

import { publicAction } from "@/lib/auth/access";
import { ZSignUpInput } from "@/lib/auth/schemas";
import { signUp } from "@/lib/accounts/sign-up";

export const signUpAction = publicAction({ schema: ZSignUpInput }, async ({ db }, input) => {
  const user = await signUp(db, input);
  return { email: user.email };
});
