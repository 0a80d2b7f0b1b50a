import type { Database } from "@/db/client";
import { crossTabPositions } from "@/db/queries/segment-descriptors";
import { adjustedRandIndex } from "@/lib/analysis";
import { AppError } from "@/lib/errors";
import { getSegmentation, type SavedSegmentation } from "../get-segmentation";

export type SolutionComparison = {
  other: { id: string; name: string; method: string; k: number };
  rows: string[];
  columns: string[];
  /** rows = this solution's segments, columns = the other's; counts of responses in both. */
  table: number[][];
  common: number;
  /** Adjusted Rand index over the responses in both solutions (null with fewer than 2). */
  ari: number | null;
};

/** Labels per response rebuilt from the cross-tab, so the ARI is lib/analysis's own (identical to scikit-learn's). */
export function ariFromTable(table: readonly (readonly number[])[]): number | null {
  const a: number[] = [];
  const b: number[] = [];
  table.forEach((row, i) => row.forEach((count, j) => {
    for (let c = 0; c < count; c++) (a.push(i), b.push(j));
  }));
  return a.length < 2 ? null : adjustedRandIndex(a, b);
}

/** Cross-tab and ARI of two saved solutions of the same study. */
export async function compareSolutions(db: Database, params: { workspaceId: string; solution: SavedSegmentation; otherId: string }): Promise<SolutionComparison> {
  const other = await getSegmentation(db, { workspaceId: params.workspaceId, segmentationId: params.otherId });
  if (!other || other.studyId !== params.solution.studyId) {
    throw new AppError("invalid", "Choose another saved solution of this study.", { otherId: ["No saved solution with this id in this study"] });
  }
  const cells = await crossTabPositions(db, { workspaceId: params.workspaceId, segmentationId: params.solution.id, otherId: other.id });
  const table = Array.from({ length: params.solution.summary.k }, () => new Array<number>(other.summary.k).fill(0));
  for (const cell of cells) table[cell.a]![cell.b] = cell.count;
  return {
    other: { id: other.id, name: other.name, method: other.method, k: other.summary.k },
    rows: params.solution.summary.segments.map((segment) => segment.name),
    columns: other.summary.segments.map((segment) => segment.name),
    table,
    common: cells.reduce((sum, cell) => sum + cell.count, 0),
    ari: ariFromTable(table),
  };
}

/** For the page: the comparison asked for in the URL, or the reason it cannot be made (shown next to the select). */
export async function compareFromQuery(
  db: Database,
  params: { workspaceId: string; solution: SavedSegmentation; otherId: string | undefined },
): Promise<{ comparison?: SolutionComparison; error?: string }> {
  if (!params.otherId) return {};
  try {
    return { comparison: await compareSolutions(db, { workspaceId: params.workspaceId, solution: params.solution, otherId: params.otherId }) };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
}
