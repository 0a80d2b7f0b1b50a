import type { Database } from "@/db/client";
import { lockSegmentForRename, updateSegmentName } from "@/db/queries/personas";
import { AppError } from "@/lib/errors";
import { ZSegmentName } from "./schemas";

export function sameSegmentName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/**
 * Renames a segment of a saved segmentation. Names must differ within the segmentation
 * (case-insensitively), so a team never ends up with two "Explorers". Runs in its own
 * transaction, or as a savepoint when called inside one (saving a persona).
 */
export async function renameSegment(db: Database, params: { workspaceId: string; segmentId: string; name: unknown }) {
  const name = ZSegmentName.parse(params.name);
  return db.transaction(async (tx) => {
    const locked = await lockSegmentForRename(tx, { workspaceId: params.workspaceId, segmentId: params.segmentId });
    if (!locked) throw new AppError("not_found", "Segment not found.");
    if (locked.otherNames.some((other) => sameSegmentName(other, name))) {
      const message = `Another segment of this segmentation is already called “${name}”. Pick a different name.`;
      throw new AppError("conflict", message, { segmentName: [message] });
    }
    if (locked.segment.name === name) return { id: locked.segment.id, name };
    const renamed = await updateSegmentName(tx, { workspaceId: params.workspaceId, segmentId: params.segmentId, name });
    return renamed!;
  });
}
