// A respondent's submission from a custom front end: no key needed, same validation and idempotency as the survey page.
import { publicRoute } from "@/lib/auth/api-route";
import { clientAddress } from "@/lib/http/client-address";
import { limitSubmit } from "@/lib/rate-limit/limits";
import { ZSubmitResponseBody } from "@/lib/surveys/schemas";
import { submitParsedResponse } from "@/lib/surveys/submit-response";

export const POST = publicRoute<{ publicId: string }, typeof ZSubmitResponseBody>({ body: ZSubmitResponseBody, maxBodyBytes: 200_000 }, async (ctx, { params, body, request }) => {
  await limitSubmit(ctx.db, { address: clientAddress(request.headers) });
  // The body passed ZSubmitResponseBody above; the public id is checked against its pattern inside.
  const result = await submitParsedResponse(ctx.db, { input: { ...body, publicId: params.publicId }, channel: "api" });
  // no-transform: the body is a few dozen bytes, and gzipping it per request cost more CPU in the
  // benchmark than validating and storing the response (Next's compression honours this header).
  return Response.json(result, { status: result.duplicate ? 200 : 201, headers: { "cache-control": "no-store, no-transform" } });
});
