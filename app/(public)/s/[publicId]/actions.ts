"use server";

import { publicAction } from "@/lib/auth/access";
import { requestClientAddress } from "@/lib/http/client-address";
import { limitRespondent, limitSubmit } from "@/lib/rate-limit/limits";
import { loadProgress, saveProgress } from "@/lib/responses/save-progress";
import { ZLoadProgressInput, ZSaveProgressInput } from "@/lib/responses/schemas";
import { ZSubmitResponseInput } from "@/lib/surveys/schemas";
import { submitParsedResponse } from "@/lib/surveys/submit-response";

/** A respondent's answers from the public survey page; no login, same validation as the API. */
export const submitResponseAction = publicAction({ schema: ZSubmitResponseInput }, async (ctx, input) => {
  await limitSubmit(ctx.db, { address: await requestClientAddress() });
  const result = await submitParsedResponse(ctx.db, { input });
  return { responseId: result.responseId, duplicate: result.duplicate };
});

/** Autosave: the answers so far, stored as a partial response under the browser's submission key. */
export const saveProgressAction = publicAction({ schema: ZSaveProgressInput }, async (ctx, input) => {
  await limitRespondent(ctx.db, { address: await requestClientAddress() });
  return saveProgress(ctx.db, { input });
});

/** Resume: the answers a returning browser saved earlier (or that it has already finished). */
export const loadProgressAction = publicAction({ schema: ZLoadProgressInput }, async (ctx, input) => {
  await limitRespondent(ctx.db, { address: await requestClientAddress() });
  return loadProgress(ctx.db, { input });
});
