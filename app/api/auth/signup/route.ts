// Creates an account with e-mail and password (the sign-up form's server action calls the same function).
import { publicRoute } from "@/lib/auth/api-route";
import { ZSignUpInput } from "@/lib/auth/schemas";
import { signUp } from "@/lib/accounts/sign-up";

export const POST = publicRoute({ body: ZSignUpInput, maxBodyBytes: 10_000 }, async ({ db }, { body }) =>
  Response.json(await signUp(db, body), { status: 201 }),
);
