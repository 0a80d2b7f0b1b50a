"use server";

import { publicAction } from "@/lib/auth/access";
import { ZSubmitResponseInput } from "@/lib/surveys/schemas";
import { submitResponse } from "@/lib/surveys/submit-response";

/** A respondent's answers from the public survey page; no login, same validation as the API. */
export const submitResponseAction = publicAction({ schema: ZSubmitResponseInput }, async (ctx, input) => {
  const result = await submitResponse(ctx.db, { input });
  return { responseId: result.responseId, duplicate: result.duplicate };
});
