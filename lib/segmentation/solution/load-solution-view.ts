import type { Database } from "@/db/client";
import { findLatestMetricSnapshot, listAssignedRespondents } from "@/db/queries/segment-descriptors";
import type { SavedSegmentation } from "../get-segmentation";
import { describeAssigned, type SolutionDescription } from "./describe-solution";
import { mapOfRespondents, type SolutionMapResult } from "./load-solution-map";

/**
 * What the solution page shows from respondent data, read once: descriptors and KPIs for every
 * reader, and the map (respondent-level) only when asked for, for k-means solutions.
 */
export async function loadSolutionView(
  db: Database,
  params: { workspaceId: string; solution: SavedSegmentation; withMap: boolean },
): Promise<{ description: SolutionDescription; map: SolutionMapResult | undefined }> {
  const { workspaceId, solution } = params;
  const snapshot = await findLatestMetricSnapshot(db, { workspaceId, studyId: solution.studyId });
  const rows = await listAssignedRespondents(db, { workspaceId, segmentationId: solution.id, snapshotId: snapshot?.id });
  const [description, map] = await Promise.all([
    describeAssigned(db, { workspaceId, solution, snapshot, rows }),
    params.withMap && solution.method === "kmeans" ? mapOfRespondents(db, { workspaceId, solution, respondents: rows }) : Promise.resolve(undefined),
  ]);
  return { description, map };
}
