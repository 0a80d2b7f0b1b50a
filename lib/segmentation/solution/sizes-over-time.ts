import type { Database } from "@/db/client";
import { segmentSizesByMonth } from "@/db/queries/segment-descriptors";

export type SizesOverTime = {
  months: string[];
  /** counts[month][segment position]. */
  counts: number[][];
  /** Of those, placed after the fit (assign new respondents). */
  later: number[][];
};

/** Assigned respondents per month of their response (UTC) and segment, to follow segment sizes across waves. */
export function sizesOverTime(rows: readonly { month: string; position: number; later: boolean; count: number }[], k: number): SizesOverTime {
  const months = [...new Set(rows.map((row) => row.month))].sort();
  const at = new Map(months.map((month, i) => [month, i]));
  const counts = months.map(() => new Array<number>(k).fill(0));
  const later = months.map(() => new Array<number>(k).fill(0));
  for (const row of rows) {
    const i = at.get(row.month)!;
    counts[i]![row.position]! += row.count;
    if (row.later) later[i]![row.position]! += row.count;
  }
  return { months, counts, later };
}

export async function loadSizesOverTime(db: Database, params: { workspaceId: string; segmentationId: string; k: number }): Promise<SizesOverTime> {
  return sizesOverTime(await segmentSizesByMonth(db, params), params.k);
}
