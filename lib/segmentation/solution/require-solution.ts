import type { Database } from "@/db/client";
import { AppError } from "@/lib/errors";
import { getSegmentation, type SavedSegmentation } from "../get-segmentation";

/** The saved solution in this workspace, or a 404 AppError. */
export async function requireSolution(db: Database, params: { workspaceId: string; segmentationId: string }): Promise<SavedSegmentation> {
  const solution = await getSegmentation(db, params);
  if (!solution) throw new AppError("not_found", "Segmentation not found.");
  return solution;
}
