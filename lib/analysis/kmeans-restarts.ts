import { fitKMeans, lloydScales, validateK, type KMeansResult, type LloydOptions } from "./kmeans";
import type { Matrix } from "./matrix";
import { deriveSeed } from "./random";

export interface KMeansRestartOptions extends LloydOptions {
  k: number;
  /** Independent k-means++ starts; default 10 (the design asks for at least 10 per k). */
  restarts?: number;
  /** Default 1. Store it with the solution: the same seed gives the same labels. */
  seed?: number;
}

export interface KMeansRestartResult extends KMeansResult {
  seed: number;
  restarts: number;
  /** Which restart (0-based) was kept. */
  bestRestart: number;
  /** Total within-SS of every restart, in run order (for diagnostics). */
  restartWithinSS: Float64Array;
}

/**
 * Runs k-means from `restarts` seeded k-means++ starts and keeps the lowest
 * total within-SS (earliest on ties), then orders segments canonically.
 */
export function fitKMeansWithRestarts(matrix: Matrix, options: KMeansRestartOptions): KMeansRestartResult {
  const { k, restarts = 10, seed = 1 } = options;
  validateK(k, matrix.rows);
  if (!Number.isInteger(restarts) || restarts < 1) {
    throw new Error(`restarts must be a positive integer, got ${restarts}`);
  }
  const restartWithinSS = new Float64Array(restarts);
  const scales = lloydScales(matrix, options.tolerance);
  let best: KMeansResult | null = null;
  let bestRestart = 0;
  for (let r = 0; r < restarts; r++) {
    // Restart r always gets the same sub-seed, so adding restarts only adds candidates.
    const run = fitKMeans(matrix, {
      k,
      seed: deriveSeed(seed, r),
      maxIterations: options.maxIterations,
      tolerance: options.tolerance,
    }, scales);
    restartWithinSS[r] = run.totalWithinSS;
    if (best === null || run.totalWithinSS < best.totalWithinSS) {
      best = run;
      bestRestart = r;
    }
  }
  return { ...orderSegments(best as KMeansResult), seed, restarts, bestRestart, restartWithinSS };
}

/**
 * Renumbers segments by descending size, ties broken by comparing centroids
 * coordinate by coordinate (smaller first), so labels do not depend on which
 * start happened to find the solution.
 */
export function orderSegments(result: KMeansResult): KMeansResult {
  const { k, centroids, sizes } = result;
  const d = centroids.cols;
  const order = Array.from({ length: k }, (_, c) => c);
  order.sort((a, b) => {
    if (sizes[a] !== sizes[b]) return sizes[b] - sizes[a];
    for (let j = 0; j < d; j++) {
      const diff = centroids.data[a * d + j] - centroids.data[b * d + j];
      if (diff !== 0) return diff;
    }
    return a - b;
  });
  const newLabel = new Int32Array(k);
  order.forEach((oldLabel, position) => (newLabel[oldLabel] = position));

  const assignments = new Int32Array(result.assignments.length);
  for (let i = 0; i < assignments.length; i++) assignments[i] = newLabel[result.assignments[i]];
  const data = new Float64Array(k * d);
  const newSizes = new Int32Array(k);
  const withinSS = new Float64Array(k);
  order.forEach((oldLabel, position) => {
    data.set(centroids.data.subarray(oldLabel * d, oldLabel * d + d), position * d);
    newSizes[position] = sizes[oldLabel];
    withinSS[position] = result.withinSS[oldLabel];
  });
  return { ...result, assignments, centroids: { data, rows: k, cols: d }, sizes: newSizes, withinSS };
}
