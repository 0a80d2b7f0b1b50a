"use server";

import { publicAction } from "@/lib/auth/access";
import { ZSignUpInput } from "@/lib/auth/schemas";
import { signUp } from "@/lib/accounts/sign-up";
import { requestClientAddress } from "@/lib/http/client-address";
import { limitSignUp } from "@/lib/rate-limit/limits";

export const signUpAction = publicAction({ schema: ZSignUpInput }, async ({ db }, input) => {
  await limitSignUp(db, { address: await requestClientAddress() });
  const user = await signUp(db, input);
  return { email: user.email };
});
