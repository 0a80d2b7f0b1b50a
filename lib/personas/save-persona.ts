import type { Database } from "@/db/client";
import { findSegmentWithPersona, upsertPersona } from "@/db/queries/personas";
import { AppError } from "@/lib/errors";
import { renameSegment } from "./rename-segment";
import { ZSavePersonaInput } from "./schemas";

/**
 * Writes the segment's persona (one per segment: insert or update) and, when the input names
 * the segment differently, renames the segment in the same transaction, so a rejected name
 * leaves the persona unsaved too.
 */
export async function savePersona(
  db: Database,
  params: { workspaceId: string; segmentId: string; userId: string | undefined; input: unknown; mayRenameSegment: boolean },
) {
  const input = ZSavePersonaInput.parse(params.input);
  return db.transaction(async (tx) => {
    const current = await findSegmentWithPersona(tx, { workspaceId: params.workspaceId, segmentId: params.segmentId });
    if (!current) throw new AppError("not_found", "Segment not found.");
    let segmentName = current.segment.name;
    if (input.segmentName !== undefined && input.segmentName !== segmentName) {
      if (!params.mayRenameSegment) throw new AppError("forbidden", "Your role does not allow renaming segments.");
      segmentName = (await renameSegment(tx, { workspaceId: params.workspaceId, segmentId: params.segmentId, name: input.segmentName })).name;
    }
    const persona = await upsertPersona(tx, {
      workspaceId: params.workspaceId,
      segmentId: params.segmentId,
      updatedBy: params.userId,
      values: { name: input.name, summary: input.summary, goals: input.goals, pains: input.pains, actions: input.actions, status: input.status },
    });
    if (!persona) throw new AppError("not_found", "Segment not found.");
    return { ...persona, segmentName, studyId: current.segmentation.studyId };
  });
}
