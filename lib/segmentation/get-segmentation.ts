import type { Database } from "@/db/client";
import { findSegmentation } from "@/db/queries/segmentations";
import { summarizeSegmentation, type SegmentationSummary } from "./profile-summary";

export type SavedSegmentation = {
  id: string;
  studyId: string;
  /** Null for rule-based solutions and datasets drawn from several surveys. */
  survey: { id: string; title: string } | null;
  method: string;
  name: string;
  createdAt: Date;
  centroids: number[][];
  segmentIds: string[];
  summary: SegmentationSummary;
};

/** A saved solution with the same profile summary a fresh run shows; undefined if not in this workspace. */
export async function getSegmentation(
  db: Database,
  params: { workspaceId: string; segmentationId: string },
): Promise<SavedSegmentation | undefined> {
  const row = await findSegmentation(db, params);
  if (!row) return undefined;
  return {
    id: row.id,
    studyId: row.studyId,
    survey: row.surveyId ? { id: row.surveyId, title: row.surveyTitle ?? "" } : null,
    method: row.method,
    name: row.name,
    createdAt: row.createdAt,
    centroids: row.centroids,
    segmentIds: row.segments.map((segment) => segment.id),
    summary: summarizeSegmentation({
      seed: row.seed,
      restarts: row.restarts,
      respondentCount: row.respondentCount,
      withinSS: row.withinSS,
      variables: row.variables,
      totalMeans: row.totalMeans,
      segments: row.segments.map((segment) => ({ name: segment.name, size: segment.size, means: segment.means })),
    }),
  };
}
