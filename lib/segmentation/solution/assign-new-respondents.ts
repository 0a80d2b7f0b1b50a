import type { Database } from "@/db/client";
import { findSegmentationConfig, insertLaterAssignments, listUnassignedResponses } from "@/db/queries/segment-descriptors";
import { matrixFromRows, nearestCentroids } from "@/lib/analysis";
import { AppError } from "@/lib/errors";
import { getSegmentation } from "../get-segmentation";
import { basisRow, basisSpecOf } from "./basis-spec";

export type AssignmentOutcome = {
  /** Newly placed responses per segment position. */
  assignedBySegment: number[];
  assigned: number;
  /** Complete, unplaced responses that miss a basis variable (left unassigned). */
  incomplete: number;
};

/**
 * Places complete responses of the solution's survey that it does not hold yet (later
 * responses, a new wave) in the segment of the nearest saved centroid, after the same
 * preprocessing as the fit. The solution itself (centroids, sizes, profiles) stays unchanged;
 * the new assignments carry their time so sizes can be tracked over time.
 */
export async function assignNewRespondents(db: Database, params: { workspaceId: string; segmentationId: string; now?: Date }): Promise<AssignmentOutcome> {
  const solution = await getSegmentation(db, params);
  if (!solution) throw new AppError("not_found", "Segmentation not found.");
  const row = await findSegmentationConfig(db, params);
  const spec = basisSpecOf({ method: solution.method, variables: solution.summary.variables, config: row?.config ?? null });
  if (!spec.ok) throw new AppError("invalid", `New respondents cannot be assigned to this solution: ${spec.reason}`);
  if (!solution.survey) throw new AppError("invalid", "New respondents cannot be assigned to this solution: it is not tied to one survey.");
  const candidates = await listUnassignedResponses(db, {
    workspaceId: params.workspaceId,
    surveyId: solution.survey.id,
    segmentationId: solution.id,
    excludeFlagged: spec.spec.excludeFlagged,
  });
  const ids: string[] = [];
  const rows: number[][] = [];
  for (const candidate of candidates) {
    const basis = basisRow(candidate.answers, spec.spec);
    if (basis) (ids.push(candidate.id), rows.push(basis));
  }
  const assignedBySegment = new Array<number>(solution.summary.k).fill(0);
  if (rows.length === 0) return { assignedBySegment, assigned: 0, incomplete: candidates.length };
  const positions = nearestCentroids(matrixFromRows(rows), matrixFromRows(solution.centroids));
  for (const position of positions) assignedBySegment[position]! += 1;
  const assigned = await insertLaterAssignments(db, {
    workspaceId: params.workspaceId,
    segmentationId: solution.id,
    assignedAt: params.now ?? new Date(),
    rows: ids.map((responseId, i) => ({ responseId, segmentId: solution.segmentIds[positions[i]!]! })),
  });
  return { assignedBySegment, assigned, incomplete: candidates.length - rows.length };
}
