import { kmeansPlusPlus } from "./kmeans-init";
import { columnVariances, type Matrix } from "./matrix";
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

/** One k-means++ start from `seed`, then Lloyd iterations. */
export function fitKMeans(matrix: Matrix, options: KMeansOptions): KMeansResult {
  validateK(options.k, matrix.rows);
  const start = kmeansPlusPlus(matrix, options.k, createRandom(options.seed));
  return lloyd(matrix, start, options.k, options);
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
  const labels = new Int32Array(matrix.rows).fill(-1);
  assign(matrix.data, matrix.rows, matrix.cols, centroids.data, centroids.rows, labels, new Float64Array(matrix.rows));
  return labels;
}

function lloyd(matrix: Matrix, start: Float64Array, k: number, options: LloydOptions): KMeansResult {
  const maxIterations = options.maxIterations ?? 300;
  const tolerance = options.tolerance ?? 1e-4;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new Error(`maxIterations must be a positive integer, got ${maxIterations}`);
  }
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new Error(`tolerance must be a finite number ≥ 0, got ${tolerance}`);
  }
  const { data, rows: n, cols: d } = matrix;
  // scikit-learn's rule: scale-free, so one tolerance fits 0/1 items and raw money alike.
  const variances = columnVariances(matrix);
  let meanVariance = 0;
  for (let j = 0; j < d; j++) meanVariance += variances[j] / d;
  const shiftLimit = tolerance * meanVariance;

  let centers: Float64Array = start;
  let next: Float64Array = new Float64Array(k * d);
  const labels = new Int32Array(n).fill(-1);
  const dist = new Float64Array(n);
  const counts = new Int32Array(k);
  let iterations = 0;
  let converged = false;
  let stable = false;

  while (iterations < maxIterations) {
    iterations++;
    const changed = assign(data, n, d, centers, k, labels, dist);
    sumByLabel(data, n, d, labels, k, next, counts);
    relocateEmpty(data, d, k, labels, dist, next, counts, centers);
    let shift = 0;
    for (let c = 0; c < k; c++) {
      const size = counts[c];
      for (let j = c * d; j < (c + 1) * d; j++) {
        if (size > 0) next[j] /= size;
        const t = next[j] - centers[j];
        shift += t * t;
      }
    }
    const swap = centers;
    centers = next;
    next = swap;
    if (changed === 0 || shift <= shiftLimit) {
      converged = true;
      stable = changed === 0 && shift === 0;
      break;
    }
  }
  // Labels came from the previous centres; re-assign unless nothing moved.
  if (!stable) assign(data, n, d, centers, k, labels, dist);

  const sizes = new Int32Array(k);
  const withinSS = new Float64Array(k);
  let totalWithinSS = 0;
  for (let i = 0; i < n; i++) {
    sizes[labels[i]]++;
    withinSS[labels[i]] += dist[i];
    totalWithinSS += dist[i];
  }
  return {
    k,
    assignments: labels,
    centroids: { data: centers, rows: k, cols: d },
    sizes,
    withinSS,
    totalWithinSS,
    iterations,
    converged,
  };
}

/** E-step. Writes label and squared distance per row; returns how many labels changed. */
function assign(
  data: Float64Array,
  n: number,
  d: number,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
  dist: Float64Array,
): number {
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const base = i * d;
    let best = 0;
    let bestDist = Infinity;
    for (let c = 0; c < k; c++) {
      const cb = c * d;
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = data[base + j] - centers[cb + j];
        s += t * t;
      }
      // Strict < : ties go to the lowest index, matching ml-kmeans and scikit-learn.
      if (s < bestDist) {
        bestDist = s;
        best = c;
      }
    }
    if (labels[i] !== best) {
      labels[i] = best;
      changed++;
    }
    dist[i] = bestDist;
  }
  return changed;
}

/** Column sums and counts per label (summed in row order, like ml-kmeans, so means agree bit for bit). */
function sumByLabel(
  data: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  k: number,
  sums: Float64Array,
  counts: Int32Array,
): void {
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const cb = labels[i] * d;
    const base = i * d;
    counts[labels[i]]++;
    for (let j = 0; j < d; j++) sums[cb + j] += data[base + j];
  }
}

/**
 * An empty cluster takes the row farthest from its centre (as scikit-learn
 * does), drawn only from clusters that keep at least one other member. If no
 * row is away from its centre (fewer distinct rows than k) it keeps its old
 * centre and stays empty.
 */
function relocateEmpty(
  data: Float64Array,
  d: number,
  k: number,
  labels: Int32Array,
  dist: Float64Array,
  sums: Float64Array,
  counts: Int32Array,
  previous: Float64Array,
): void {
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) continue;
    let far = -1;
    let farDist = 0;
    for (let i = 0; i < labels.length; i++) {
      if (dist[i] > farDist && counts[labels[i]] > 1) {
        farDist = dist[i];
        far = i;
      }
    }
    if (far < 0) {
      // Stays empty; the division step skips size 0, so store the old centre as is.
      for (let j = 0; j < d; j++) sums[c * d + j] = previous[c * d + j];
      continue;
    }
    const from = labels[far];
    for (let j = 0; j < d; j++) {
      const v = data[far * d + j];
      sums[from * d + j] -= v;
      sums[c * d + j] = v;
    }
    counts[from]--;
    counts[c] = 1;
    labels[far] = c;
    dist[far] = 0;
  }
}
