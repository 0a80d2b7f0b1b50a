import { kmeansPlusPlus } from "./kmeans-init";
import { centreDistances, DISTANCE_BLOCK, squaredDistance } from "./distance-kernels";
import { runLloyd } from "./kmeans-lloyd";
import { columnMeans, columnVariances, type Matrix } from "./matrix";
import { createRandom } from "./random";

export interface KMeansResult {
  k: number;
  /** Segment index 0..k-1 per row. */
  assignments: Int32Array;
  /** k × cols. */
  centroids: Matrix;
  sizes: Int32Array;
  /** Within-cluster sum of squared Euclidean distances, per segment. */
  withinSS: Float64Array;
  totalWithinSS: number;
  iterations: number;
  converged: boolean;
}

export interface LloydOptions {
  /** Default 300, as in scikit-learn. */
  maxIterations?: number;
  /**
   * Relative tolerance (default 1e-4): stop when the summed squared centroid
   * shift is ≤ tolerance × mean column variance. 0 runs until no label moves.
   */
  tolerance?: number;
}

export interface KMeansOptions extends LloydOptions {
  k: number;
  seed: number;
}

export function validateK(k: number, rows: number): void {
  if (!Number.isInteger(k)) throw new Error(`Number of segments k must be an integer, got ${k}`);
  if (k < 2) throw new Error(`Number of segments k must be at least 2, got ${k}`);
  if (k > rows) throw new Error(`Number of segments k = ${k} exceeds the number of respondents (${rows})`);
}

/**
 * One k-means++ start from `seed`, then Lloyd iterations. `scales` may carry `lloydScales` computed
 * once for many fits on the same matrix (restarts), saving two passes over the data per fit.
 */
export function fitKMeans(matrix: Matrix, options: KMeansOptions, scales?: LloydScales): KMeansResult {
  validateK(options.k, matrix.rows);
  const start = kmeansPlusPlus(matrix, options.k, createRandom(options.seed));
  return lloyd(matrix, start, options.k, options, scales);
}

/** Lloyd iterations from given starting centroids (k = their row count). */
export function fitKMeansFromCentroids(
  matrix: Matrix,
  initialCentroids: Matrix,
  options: LloydOptions = {},
): KMeansResult {
  validateK(initialCentroids.rows, matrix.rows);
  if (initialCentroids.cols !== matrix.cols) {
    throw new Error(`Initial centroids have ${initialCentroids.cols} columns, data has ${matrix.cols}`);
  }
  return lloyd(matrix, initialCentroids.data.slice(), initialCentroids.rows, options);
}

/** Nearest centroid per row (ties → lowest index), e.g. for new respondents. */
export function nearestCentroids(matrix: Matrix, centroids: Matrix): Int32Array {
  if (centroids.cols !== matrix.cols) {
    throw new Error(`Centroids have ${centroids.cols} columns, data has ${matrix.cols}`);
  }
  const { data, rows: n, cols: d } = matrix;
  const labels = new Int32Array(n);
  const k = centroids.rows;
  const distances = centreDistances(k, d);
  distances.setCentres(centroids.data);
  for (let i = 0; i < n; i += DISTANCE_BLOCK) {
    const count = Math.min(DISTANCE_BLOCK, n - i);
    const base = distances.ofBlock(data, i, count);
    const out = distances.out;
    for (let r = 0; r < count; r++) {
      const at = base + r * distances.stride;
      let best = 0;
      let bestDist = out[at];
      for (let c = 1; c < k; c++) {
        if (out[at + c] < bestDist) {
          bestDist = out[at + c];
          best = c;
        }
      }
      labels[i + r] = best;
    }
  }
  return labels;
}

/** What Lloyd's stopping rule and rounding margins need to know about a matrix's spread and size. */
export interface LloydScales {
  tolerance: number;
  /** Summed squared centroid shift at or below which the fit has converged. */
  shiftLimit: number;
  /** Root-mean-square row norm, for the bounds' absolute rounding margin. */
  scale: number;
}

export function lloydScales(matrix: Matrix, tolerance = 1e-4): LloydScales {
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new Error(`tolerance must be a finite number ≥ 0, got ${tolerance}`);
  }
  const d = matrix.cols;
  // scikit-learn's rule: scale-free, so one tolerance fits 0/1 items and raw money alike.
  const variances = columnVariances(matrix);
  const means = columnMeans(matrix);
  let totalVariance = 0;
  let meanSquaredNorm = 0;
  for (let j = 0; j < d; j++) {
    totalVariance += variances[j];
    meanSquaredNorm += variances[j] + means[j] * means[j];
  }
  // Rounding in distances grows with the size of the coordinates, not their spread.
  return { tolerance, shiftLimit: (tolerance * totalVariance) / d, scale: Math.sqrt(meanSquaredNorm) };
}

function lloyd(matrix: Matrix, start: Float64Array, k: number, options: LloydOptions, given?: LloydScales): KMeansResult {
  const maxIterations = options.maxIterations ?? 300;
  const tolerance = options.tolerance ?? 1e-4;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new Error(`maxIterations must be a positive integer, got ${maxIterations}`);
  }
  const { shiftLimit, scale } = given && given.tolerance === tolerance ? given : lloydScales(matrix, tolerance);
  const { data, rows: n, cols: d } = matrix;
  const run = runLloyd(data, n, d, start, k, maxIterations, shiftLimit, scale);
  const sizes = new Int32Array(k);
  const withinSS = new Float64Array(k);
  let totalWithinSS = 0;
  for (let i = 0; i < n; i++) {
    const c = run.labels[i];
    const s = squaredDistance(data, i * d, run.centers, c * d, d);
    sizes[c]++;
    withinSS[c] += s;
    totalWithinSS += s;
  }
  return {
    k,
    assignments: run.labels,
    centroids: { data: run.centers, rows: k, cols: d },
    sizes,
    withinSS,
    totalWithinSS,
    iterations: run.iterations,
    converged: run.converged,
  };
}
