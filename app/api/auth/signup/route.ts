// Creates an account with e-mail and password (the sign-up form's server action calls the same function).
import { publicRoute } from "@/lib/auth/api-route";
import { ZSignUpInput } from "@/lib/auth/schemas";
import { signUp } from "@/lib/accounts/sign-up";
import { clientAddress } from "@/lib/http/client-address";
import { limitSignUp } from "@/lib/rate-limit/limits";

export const POST = publicRoute({ body: ZSignUpInput, maxBodyBytes: 10_000 }, async ({ db }, { body, request }) => {
  await limitSignUp(db, { address: clientAddress(request.headers) });
  return Response.json(await signUp(db, body), { status: 201 });
});
