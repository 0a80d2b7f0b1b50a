"use server";

import { workspaceAction } from "@/lib/auth/access";
import { eraseRespondent } from "@/lib/responses/erase-responses";
import { ZEraseCustomerInput, ZEraseResponseInput } from "@/lib/responses/schemas";

/** Erases one response on a respondent's request (segment assignments go with it). */
export const eraseResponseAction = workspaceAction({ schema: ZEraseResponseInput, permission: "survey:write" }, async (ctx, input) =>
  eraseRespondent(ctx.db, { workspaceId: ctx.workspace.id, target: { kind: "response", ...input } }),
);

/** Erases every response of a customer id in the workspace. */
export const eraseCustomerAction = workspaceAction({ schema: ZEraseCustomerInput, permission: "survey:write" }, async (ctx, input) =>
  eraseRespondent(ctx.db, { workspaceId: ctx.workspace.id, target: { kind: "customer", customerId: input.customerId } }),
);
