/**
 * Quintile scores 1–5 with a tie rule under which identical values always share a score.
 * The SQL in db/queries/customer-metrics.ts computes exactly the same integers (rank() and
 * count() windows with integer division), so this function is the oracle its tests compare with.
 *
 * - "lower" (default): score = 1 + ⌊5 · (rank − 1) / (n − 1)⌋, rank = 1 + number of values strictly
 *   below (SQL rank(), i.e. percent_rank). A run of ties takes the bucket of its lowest position.
 * - "upper": score = ⌈5 · (number of values ≤ v) / n⌉ (SQL cume_dist). A run of ties takes the bucket
 *   of its highest position.
 * Recency is reversed: values are ordered from the largest to the smallest, so the most recent
 * customers (fewest days) score 5. With a single customer every score is 1 ("lower") or 5 ("upper").
 */

export const SCORE_METHODS = ["lower", "upper"] as const;
export type ScoreMethod = (typeof SCORE_METHODS)[number];

export function quintileScores(values: readonly number[], options: { method: ScoreMethod; reverse?: boolean }): number[] {
  const n = values.length;
  if (n === 0) return [];
  const sign = options.reverse ? -1 : 1;
  const sorted = values.map((v) => v * sign).sort((a, b) => a - b);
  // For each value: how many are strictly below it, and how many are ≤ it (binary searches on the sorted copy).
  const below = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const atMost = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return values.map((raw) => {
    const v = raw * sign;
    if (options.method === "upper") return Math.max(1, Math.ceil((5 * atMost(v)) / n));
    if (n === 1) return 1;
    return Math.min(5, 1 + Math.floor((5 * below(v)) / (n - 1)));
  });
}
