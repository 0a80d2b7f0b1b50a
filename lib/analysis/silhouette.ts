import { compactLabels } from "./agreement";
import { distancesToFourBlocks, squaredDistance } from "./distance-kernels";
import { selectRows, type Matrix } from "./matrix";
import { createRandom, sampleIndices } from "./random";

/**
 * Silhouette per row (Rousseeuw 1987) with Euclidean distances, following
 * scikit-learn's conventions: a = mean distance to the other members of the
 * own segment, b = lowest mean distance to another segment,
 * s = (b − a) / max(a, b); rows alone in their segment get 0.
 * Exact and O(n² · cols): use `sampledSilhouetteScore` for large n.
 */
export function silhouetteSamples(matrix: Matrix, assignments: ArrayLike<number>): Float64Array {
  const { data, rows: n, cols: d } = matrix;
  if (assignments.length !== n) throw new Error(`Got ${assignments.length} assignments for ${n} rows`);
  const { codes, count: labels } = compactLabels(assignments);
  if (labels < 2 || labels > n - 1) {
    throw new Error(`Silhouette needs between 2 and n − 1 = ${n - 1} segments, got ${labels}`);
  }
  const sizes = new Int32Array(labels);
  for (let i = 0; i < n; i++) sizes[codes[i]]++;

  // sums[i * labels + c]: summed distance from row i to all rows of segment c.
  // Each pair is measured once and credited to both rows.
  const sums = new Float64Array(n * labels);
  const credit = (i: number, r: number, squared: number) => {
    const dist = Math.sqrt(squared);
    sums[i * labels + codes[r]] += dist;
    sums[r * labels + codes[i]] += dist;
  };
  const four = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    const bi = i * d;
    let r = i + 1;
    // Four partners per pass (independent sums), credited in row order.
    for (; r + 4 <= n; r += 4) {
      distancesToFourBlocks(data, bi, data, r * d, d, four);
      for (let q = 0; q < 4; q++) credit(i, r + q, four[q]);
    }
    for (; r < n; r++) credit(i, r, squaredDistance(data, bi, data, r * d, d));
  }

  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const own = codes[i];
    if (sizes[own] === 1) continue;
    const a = sums[i * labels + own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < labels; c++) {
      if (c === own) continue;
      const mean = sums[i * labels + c] / sizes[c];
      if (mean < b) b = mean;
    }
    const scale = Math.max(a, b);
    // a = b = 0 happens when duplicates sit in two segments; scikit-learn scores it 0.
    out[i] = scale > 0 ? (b - a) / scale : 0;
  }
  return out;
}

/** Mean silhouette over all rows (exact). */
export function silhouetteScore(matrix: Matrix, assignments: ArrayLike<number>): number {
  const values = silhouetteSamples(matrix, assignments);
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total / values.length;
}

export interface SampledSilhouetteOptions {
  /** Rows drawn without replacement; default 2000 (≈ ±0.006 of the exact value). */
  sampleSize?: number;
  /** Default 1. */
  seed?: number;
}

/**
 * Mean silhouette of a random subset, computed among the subset only (as
 * scikit-learn's `silhouette_score(..., sample_size=)` does), so the cost is
 * fixed whatever n is. Exact when n ≤ sampleSize.
 */
export function sampledSilhouetteScore(
  matrix: Matrix,
  assignments: ArrayLike<number>,
  options: SampledSilhouetteOptions = {},
): number {
  const { sampleSize = 2000, seed = 1 } = options;
  if (!Number.isInteger(sampleSize) || sampleSize < 3) {
    throw new Error(`sampleSize must be an integer ≥ 3, got ${sampleSize}`);
  }
  if (assignments.length !== matrix.rows) {
    throw new Error(`Got ${assignments.length} assignments for ${matrix.rows} rows`);
  }
  if (matrix.rows <= sampleSize) return silhouetteScore(matrix, assignments);
  const picked = sampleIndices(createRandom(seed), matrix.rows, sampleSize);
  const labels = new Float64Array(sampleSize);
  for (let r = 0; r < sampleSize; r++) labels[r] = assignments[picked[r]];
  return silhouetteScore(selectRows(matrix, picked), labels);
}
