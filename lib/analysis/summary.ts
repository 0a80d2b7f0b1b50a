/** Five-number summary for a box plot, plus the mean; quantiles interpolate linearly (R type 7, numpy default). */
export interface BoxSummary {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

/** Summary of the finite values (NaN marks "not measured", e.g. a segment absent from a resample). */
export function boxSummary(values: ArrayLike<number>): BoxSummary {
  const sorted: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) sorted.push(values[i]);
  sorted.sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, min: NaN, q1: NaN, median: NaN, q3: NaN, max: NaN, mean: NaN };
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return {
    count: sorted.length,
    min: sorted[0],
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted[sorted.length - 1],
    mean,
  };
}

export function quantileSorted(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
}
