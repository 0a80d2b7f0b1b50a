/**
 * The units of work a sweep is made of. Each task draws its random numbers from its own seed
 * (derived from the sweep seed, k and the bootstrap number), so the results do not depend on the
 * order tasks run in or on how many threads share them — `runSweep` and `runSweepInWorkers` call
 * exactly these functions.
 */
import { adjustedRandIndex } from "./agreement";
import { nearestCentroids } from "./kmeans";
import { fitKMeansWithRestarts, type KMeansRestartResult } from "./kmeans-restarts";
import { selectRows, type Matrix } from "./matrix";
import { createRandom, deriveSeed, randomInt } from "./random";
import { sampledSilhouetteScore } from "./silhouette";

/** Fully resolved sweep settings (see `SweepOptions` for the meaning and defaults). */
export interface ResolvedSweepOptions {
  kMin: number;
  kMax: number;
  restarts: number;
  seed: number;
  silhouetteSample: number;
  bootstraps: number;
  bootstrapRestarts: number;
  maxIterations: number;
  tolerance: number;
}

// Separate sub-streams of the sweep seed, so adding bootstraps never changes the full-data fits.
const STREAM_FIT = 1;
const STREAM_SILHOUETTE = 2;
const STREAM_BOOTSTRAP_SAMPLE = 3;
const STREAM_BOOTSTRAP_FIT = 4;

export interface FitTaskResult {
  k: number;
  solution: KMeansRestartResult;
  silhouette: number;
}

/**
 * The sweep's full-data solution for k: best of `restarts` k-means++ starts from the seed derived
 * for k. Saving a run's chosen k calls this with the stored options, so it gets the very solution
 * the sweep showed.
 */
export function fitSweepSolution(matrix: Matrix, k: number, options: ResolvedSweepOptions): KMeansRestartResult {
  return fitKMeansWithRestarts(matrix, {
    k,
    restarts: options.restarts,
    seed: deriveSeed(deriveSeed(options.seed, STREAM_FIT), k),
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
  });
}

/** Best of `restarts` k-means++ starts on all rows, and its sampled silhouette. */
export function runFitTask(matrix: Matrix, k: number, options: ResolvedSweepOptions): FitTaskResult {
  const solution = fitSweepSolution(matrix, k, options);
  const silhouette = sampledSilhouetteScore(matrix, solution.assignments, {
    sampleSize: options.silhouetteSample,
    seed: deriveSeed(deriveSeed(options.seed, STREAM_SILHOUETTE), k),
  });
  return { k, solution, silhouette };
}

export interface BootstrapTaskResult {
  k: number;
  bootstrap: number;
  /** Adjusted Rand index between the whole-data partitions predicted by the two resample solutions. */
  ari: number;
  /**
   * Per segment of the full-data solution, two Jaccard values (one per resample of the pair, as
   * [s0a, s0b, s1a, s1b, …]); NaN when the segment has no row in that resample.
   */
  jaccard: Float64Array;
}

/**
 * The pair of bootstrap resamples (n rows drawn with replacement, twice) for bootstrap `b`. The
 * same pair serves every k, as in flexclust's `bootFlexclust`, so differences between k are not
 * resampling noise.
 */
export function bootstrapPair(rows: number, seed: number, b: number): [Int32Array, Int32Array] {
  const random = createRandom(deriveSeed(deriveSeed(seed, STREAM_BOOTSTRAP_SAMPLE), b));
  const draw = () => {
    const out = new Int32Array(rows);
    for (let i = 0; i < rows; i++) out[i] = randomInt(random, rows);
    return out;
  };
  const first = draw();
  return [first, draw()];
}

/**
 * Global stability (flexclust's bootFlexclust): cluster both resamples of pair `b` with restarts,
 * assign every row of the whole data to its nearest centroid under each, and compare the two
 * partitions by the adjusted Rand index. Segment-level stability (Hennig's clusterboot idea): for
 * each segment of the full-data solution `reference`, the highest Jaccard index with any segment
 * of a resample's solution, both restricted to the distinct rows of that resample.
 */
export function runBootstrapTask(
  matrix: Matrix,
  k: number,
  b: number,
  reference: ArrayLike<number>,
  options: ResolvedSweepOptions,
): BootstrapTaskResult {
  const fits = runBootstrapFits(matrix, k, b, options);
  return { k, bootstrap: b, ari: fits.ari, jaccard: bootstrapJaccard(matrix.rows, k, b, options, fits.sampleLabels, reference) };
}

/** The part of a bootstrap task that does not need the full-data solution: the two resample fits and their ARI. */
export interface BootstrapFitsResult {
  k: number;
  bootstrap: number;
  ari: number;
  /** Labels each resample's solution gave its rows (in resample order), for `bootstrapJaccard`. */
  sampleLabels: [Int32Array, Int32Array];
}

/**
 * Clusters both resamples of pair `b` with restarts and compares their predictions on all rows by
 * the adjusted Rand index. Needs nothing from the full-data fits, so worker threads run these while
 * those fits are still going (`runSweepInWorkers`).
 */
export function runBootstrapFits(matrix: Matrix, k: number, b: number, options: ResolvedSweepOptions): BootstrapFitsResult {
  const pair = bootstrapPair(matrix.rows, options.seed, b);
  const fitSeed = deriveSeed(deriveSeed(deriveSeed(options.seed, STREAM_BOOTSTRAP_FIT), b), k);
  const predictions: Int32Array[] = [];
  const sampleLabels: Int32Array[] = [];
  pair.forEach((indices, side) => {
    const sample = selectRows(matrix, indices);
    const fit = fitKMeansWithRestarts(sample, {
      k,
      restarts: options.bootstrapRestarts,
      seed: deriveSeed(fitSeed, side),
      maxIterations: options.maxIterations,
      tolerance: options.tolerance,
    });
    predictions.push(nearestCentroids(matrix, fit.centroids));
    sampleLabels.push(fit.assignments);
  });
  return { k, bootstrap: b, ari: adjustedRandIndex(predictions[0], predictions[1]), sampleLabels: [sampleLabels[0], sampleLabels[1]] };
}

/** Segment-level stability of bootstrap pair `b` (see `runBootstrapTask`) from its resample labels. */
export function bootstrapJaccard(
  rows: number,
  k: number,
  b: number,
  options: ResolvedSweepOptions,
  sampleLabels: readonly [Int32Array, Int32Array],
  reference: ArrayLike<number>,
): Float64Array {
  const pair = bootstrapPair(rows, options.seed, b);
  const jaccard = new Float64Array(2 * k);
  pair.forEach((indices, side) => {
    const best = bestJaccard(indices, sampleLabels[side], reference, k, rows);
    for (let s = 0; s < k; s++) jaccard[2 * s + side] = best[s];
  });
  return jaccard;
}

/**
 * For each reference segment s: max over resample segments c of |A∩B| / |A∪B|, with
 * A = distinct resampled rows in s and B = distinct resampled rows the resample put in c.
 * Duplicated rows are identical points, so k-means gives every copy the same segment.
 */
function bestJaccard(
  indices: Int32Array,
  sampleLabels: Int32Array,
  reference: ArrayLike<number>,
  k: number,
  rows: number,
): Float64Array {
  const labelOfRow = new Int32Array(rows).fill(-1);
  for (let p = 0; p < indices.length; p++) labelOfRow[indices[p]] = sampleLabels[p];
  const both = new Float64Array(k * k); // [reference segment][resample segment]
  const inReference = new Float64Array(k);
  const inSample = new Float64Array(k);
  for (let i = 0; i < rows; i++) {
    const c = labelOfRow[i];
    if (c < 0) continue;
    const s = reference[i];
    both[s * k + c]++;
    inReference[s]++;
    inSample[c]++;
  }
  const out = new Float64Array(k);
  for (let s = 0; s < k; s++) {
    if (inReference[s] === 0) {
      out[s] = NaN;
      continue;
    }
    let best = 0;
    for (let c = 0; c < k; c++) {
      const shared = both[s * k + c];
      const value = shared / (inReference[s] + inSample[c] - shared);
      if (value > best) best = value;
    }
    out[s] = best;
  }
  return out;
}
