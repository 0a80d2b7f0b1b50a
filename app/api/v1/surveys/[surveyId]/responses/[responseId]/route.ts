// Erases one response (and its segment assignments) on a respondent's request; only the count is kept.
import { apiRoute } from "@/lib/auth/api-route";
import { eraseRespondent } from "@/lib/responses/erase-responses";

// Malformed ids are "not found" (eraseRespondent checks them), like ids of another workspace.
export const DELETE = apiRoute<{ surveyId: string; responseId: string }>({ permission: "survey:write" }, async (ctx, { params }) =>
  eraseRespondent(ctx.db, { workspaceId: ctx.workspace.id, target: { kind: "response", surveyId: params.surveyId, responseId: params.responseId } }),
);
