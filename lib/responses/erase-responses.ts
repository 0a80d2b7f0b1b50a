import type { Database } from "@/db/client";
import { eraseResponses, type ErasureTarget } from "@/db/queries/response-erasure";
import { refreshSpeederFlags } from "@/db/queries/response-list";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/**
 * Erases a respondent on request (by response id or customer id): their responses and segment
 * assignments go; what stays is a count. Speeder flags are re-derived since the median moved.
 */
export async function eraseRespondent(db: Database, params: { workspaceId: string; target: ErasureTarget }) {
  const { target } = params;
  if (target.kind === "response" && (!isUuid(target.surveyId) || !isUuid(target.responseId))) throw new AppError("not_found", "Response not found.");
  const result = await eraseResponses(db, params);
  if (target.kind === "response" && result.responseCount === 0) throw new AppError("not_found", "Response not found.");
  for (const surveyId of result.surveyIds) await refreshSpeederFlags(db, { workspaceId: params.workspaceId, surveyId });
  return { erasedResponses: result.responseCount, erasedAssignments: result.assignmentCount };
}
