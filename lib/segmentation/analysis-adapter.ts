// ADAPTER: replaced by lib/analysis at merge (H4 adds preprocessing, correlation, PCA and runSweep there).
// Pure numerics only: no I/O, no database, so a worker thread can import it.
import type { Worker } from "node:worker_threads";
import {
  adjustedRandIndex,
  columnMeans,
  columnVariances,
  createMatrix,
  createRandom,
  deriveSeed,
  fitKMeansWithRestarts,
  nearestCentroids,
  randomInt,
  sampledSilhouetteScore,
  segmentProfiles,
  selectRows,
  type Matrix,
} from "@/lib/analysis";

/** Column-wise z-scores with the sample standard deviation; a constant column becomes all 0. */
export function standardizeColumns(matrix: Matrix): { matrix: Matrix; means: Float64Array; sds: Float64Array } {
  const { rows, cols, data } = matrix;
  const means = columnMeans(matrix);
  const variances = columnVariances(matrix);
  const sds = new Float64Array(cols);
  // columnVariances divides by n; the researcher's software (R's scale) divides by n − 1.
  for (let j = 0; j < cols; j++) sds[j] = rows > 1 ? Math.sqrt((variances[j]! * rows) / (rows - 1)) : 0;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[i * cols + j] = sds[j]! > 0 ? (data[i * cols + j]! - means[j]!) / sds[j]! : 0;
  }
  return { matrix: createMatrix(out, rows, cols), means, sds };
}

/** Pearson correlations between columns (cols × cols, row-major); NaN where a column is constant. */
export function correlationMatrix(matrix: Matrix): number[][] {
  const { rows, cols, data } = matrix;
  const means = columnMeans(matrix);
  const cov = new Float64Array(cols * cols);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let a = 0; a < cols; a++) {
      const da = data[base + a]! - means[a]!;
      for (let b = a; b < cols; b++) cov[a * cols + b] += da * (data[base + b]! - means[b]!);
    }
  }
  const out: number[][] = Array.from({ length: cols }, () => new Array<number>(cols).fill(0));
  for (let a = 0; a < cols; a++) {
    for (let b = a; b < cols; b++) {
      const denominator = Math.sqrt(cov[a * cols + a]! * cov[b * cols + b]!);
      const r = denominator > 0 ? cov[a * cols + b]! / denominator : Number.NaN;
      out[a]![b] = r;
      out[b]![a] = r;
    }
  }
  return out;
}

/** Eigenvalues of a symmetric matrix (cyclic Jacobi), largest first. Fine for the ≤ 200 basis columns we allow. */
export function symmetricEigenvalues(input: number[][]): number[] {
  const n = input.length;
  const a = input.map((row) => row.slice());
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < n; r++) {
          const arp = a[r]![p]!;
          const arq = a[r]![q]!;
          a[r]![p] = c * arp - s * arq;
          a[r]![q] = s * arp + c * arq;
        }
        for (let r = 0; r < n; r++) {
          const apr = a[p]![r]!;
          const aqr = a[q]![r]!;
          a[p]![r] = c * apr - s * aqr;
          a[q]![r] = s * apr + c * aqr;
        }
      }
    }
  }
  return a.map((row, i) => row[i]!).sort((x, y) => y - x);
}

/**
 * PCA scree of the analysis matrix as it will be clustered (covariance of the columns, so raw data
 * keeps its scale and standardised data gives the correlation PCA): share of variance per component.
 */
export function pcaExplainedVariance(matrix: Matrix): number[] {
  const { rows, cols, data } = matrix;
  if (rows < 2 || cols === 0) return [];
  const means = columnMeans(matrix);
  const cov: number[][] = Array.from({ length: cols }, () => new Array<number>(cols).fill(0));
  for (let i = 0; i < rows; i++) {
    for (let a = 0; a < cols; a++) {
      const da = data[i * cols + a]! - means[a]!;
      for (let b = a; b < cols; b++) cov[a]![b]! += da * (data[i * cols + b]! - means[b]!);
    }
  }
  for (let a = 0; a < cols; a++) for (let b = a; b < cols; b++) cov[b]![a] = cov[a]![b]!;
  const eigen = symmetricEigenvalues(cov).map((value) => Math.max(0, value));
  const total = eigen.reduce((sum, value) => sum + value, 0);
  return total > 0 ? eigen.map((value) => value / total) : eigen.map(() => 0);
}

export type SweepSettings = { kMin: number; kMax: number; restarts: number; bootstraps: number; seed: number; silhouetteSample?: number };

export type SweepKResult = {
  k: number;
  withinSS: number;
  silhouette: number;
  /** Bootstrap ARIs between pairs of solutions (flexclust's bootFlexclust), one per bootstrap. */
  ari: number[];
  /** Per segment of the full-data solution, its Jaccard with the best-matching bootstrap segment (flexclust's slsw), 2 per bootstrap. */
  jaccard: number[][];
  sizes: number[];
  /** Segment means on the profile scale (raw values, also when clustering standardised ones), segments largest first. */
  means: number[][];
  totalMeans: number[];
};

export type SweepProgress = { k: number; bootstrapsDone: number };

/** Jaccard of each reference segment with its best match in `other` (both labelings of the same rows). */
export function segmentJaccard(reference: ArrayLike<number>, k: number, other: ArrayLike<number>, otherK: number): number[] {
  const table = new Float64Array(k * otherK);
  const refSizes = new Float64Array(k);
  const otherSizes = new Float64Array(otherK);
  for (let i = 0; i < reference.length; i++) {
    table[reference[i]! * otherK + other[i]!]++;
    refSizes[reference[i]!]++;
    otherSizes[other[i]!]++;
  }
  const out: number[] = [];
  for (let s = 0; s < k; s++) {
    let best = 0;
    for (let t = 0; t < otherK; t++) {
      const both = table[s * otherK + t]!;
      const union = refSizes[s]! + otherSizes[t]! - both;
      if (union > 0) best = Math.max(best, both / union);
    }
    out.push(best);
  }
  return out;
}

function bootstrapSample(matrix: Matrix, seed: number): Matrix {
  const random = createRandom(seed);
  const indices = new Int32Array(matrix.rows);
  for (let i = 0; i < indices.length; i++) indices[i] = randomInt(random, matrix.rows);
  return selectRows(matrix, indices);
}

/**
 * One k of the sweep: best of `restarts` k-means++ starts on all rows (seeded with the run's seed, so
 * the chosen k's saved solution reproduces it), its silhouette, and `bootstraps` pairs of bootstrap
 * fits predicted back onto all rows (global ARI and segment-level Jaccard).
 */
export function sweepOneK(matrix: Matrix, k: number, settings: SweepSettings, onBootstrap?: (done: number) => void, profileMatrix: Matrix = matrix): SweepKResult {
  const fit = fitKMeansWithRestarts(matrix, { k, restarts: settings.restarts, seed: settings.seed });
  const distinct = new Set(fit.assignments).size;
  const silhouette =
    distinct >= 2 && distinct <= matrix.rows - 1
      ? sampledSilhouetteScore(matrix, fit.assignments, { sampleSize: settings.silhouetteSample ?? 2000, seed: settings.seed })
      : Number.NaN;
  const ari: number[] = [];
  const jaccard: number[][] = Array.from({ length: k }, () => []);
  for (let b = 0; b < settings.bootstraps; b++) {
    const predictions = [0, 1].map((side) => {
      const sampleSeed = deriveSeed(deriveSeed(settings.seed, 1000 + k), 2 * b + side);
      const boot = fitKMeansWithRestarts(bootstrapSample(matrix, sampleSeed), { k, restarts: settings.restarts, seed: sampleSeed });
      return nearestCentroids(matrix, boot.centroids);
    });
    ari.push(adjustedRandIndex(predictions[0]!, predictions[1]!));
    for (const prediction of predictions) segmentJaccard(fit.assignments, k, prediction, k).forEach((value, s) => jaccard[s]!.push(value));
    onBootstrap?.(b + 1);
  }
  // Means on the unstandardised scale when given, so profiles read in the variables' own units.
  const profiles = segmentProfiles(profileMatrix, fit.assignments, k);
  return {
    k,
    withinSS: fit.totalWithinSS,
    silhouette,
    ari,
    jaccard,
    sizes: Array.from(fit.sizes),
    means: profiles.segments.map((segment) => Array.from(segment.means)),
    totalMeans: Array.from(profiles.totalMeans),
  };
}

export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

/** Hennig's reading of bootstrap agreement: ≥ 0.75 stable, ≥ 0.6 a pattern but not clear-cut, below unstable. */
export const STABLE_AT = 0.75;
export const PATTERN_AT = 0.6;

export type KRecommendation = {
  k: number;
  medianAri: number;
  silhouette: number;
  stability: "stable" | "pattern" | "unstable";
  /** Why this k: the most stable k overall, or the best-separated among the stable ones. */
  reason: "best_silhouette_among_stable" | "only_stable" | "most_stable";
  /** The stable ks considered. */
  stableKs: number[];
  smallestShare: number;
};

/**
 * Dolnicar, Grün & Leisch pick k where solutions are reproducible: among the ks whose median
 * bootstrap ARI is at least 0.75, the one with the best silhouette; if none is, the most stable k.
 */
export function recommendK(results: readonly Pick<SweepKResult, "k" | "ari" | "silhouette" | "sizes">[]): KRecommendation | undefined {
  if (results.length === 0) return undefined;
  const scored = results.map((result) => ({ result, medianAri: result.ari.length ? median(result.ari) : Number.NaN }));
  const stable = scored.filter((entry) => entry.medianAri >= STABLE_AT);
  const silhouette = (value: number) => (Number.isFinite(value) ? value : -Infinity);
  let chosen: (typeof scored)[number];
  let reason: KRecommendation["reason"];
  if (stable.length > 0) {
    chosen = stable.reduce((best, entry) => (silhouette(entry.result.silhouette) > silhouette(best.result.silhouette) ? entry : best));
    reason = stable.length === 1 ? "only_stable" : "best_silhouette_among_stable";
  } else {
    const ariOf = (value: number) => (Number.isFinite(value) ? value : -Infinity);
    chosen = scored.reduce((best, entry) => (ariOf(entry.medianAri) > ariOf(best.medianAri) ? entry : best));
    reason = "most_stable";
  }
  const total = chosen.result.sizes.reduce((sum, size) => sum + size, 0);
  return {
    k: chosen.result.k,
    medianAri: chosen.medianAri,
    silhouette: chosen.result.silhouette,
    stability: chosen.medianAri >= STABLE_AT ? "stable" : chosen.medianAri >= PATTERN_AT ? "pattern" : "unstable",
    reason,
    stableKs: stable.map((entry) => entry.result.k),
    smallestShare: total > 0 ? Math.min(...chosen.result.sizes) / total : 0,
  };
}

/**
 * The sweep on up to `threads` worker threads (ks dealt out round-robin, so the costly large ks are
 * spread), the matrix copied once to each. Aborting the signal terminates the workers at once.
 */
export async function runSweepInWorkers(
  matrix: Matrix,
  settings: SweepSettings,
  options: { threads: number; signal?: AbortSignal; onProgress?: (progress: SweepProgress) => void; start: StartSweepWorker; profileMatrix?: Matrix },
): Promise<SweepKResult[]> {
  const ks = Array.from({ length: settings.kMax - settings.kMin + 1 }, (_, i) => settings.kMin + i);
  const threads = Math.max(1, Math.min(options.threads, ks.length));
  const shares = Array.from({ length: threads }, (_, t) => ks.filter((_, i) => i % threads === t));
  const results: SweepKResult[] = [];
  const workers: ReturnType<StartSweepWorker>[] = [];
  let stop: (reason: unknown) => void = () => {};
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const abort = () => stop(options.signal?.reason ?? new Error("The sweep was cancelled."));
  if (options.signal?.aborted) abort();
  options.signal?.addEventListener("abort", abort, { once: true });
  const finished = shares.map(
    (share) =>
      new Promise<void>((resolve, reject) => {
        const data = new Float64Array(matrix.data);
        const profile = options.profileMatrix && options.profileMatrix !== matrix ? new Float64Array(options.profileMatrix.data) : undefined;
        const worker = options.start({ data, profile, rows: matrix.rows, cols: matrix.cols, ks: share, settings }, profile ? [data.buffer, profile.buffer] : [data.buffer]);
        workers.push(worker);
        worker.on("message", (message: { type: string; k?: number; done?: number; result?: SweepKResult }) => {
          if (message.type === "progress") options.onProgress?.({ k: message.k!, bootstrapsDone: message.done! });
          else if (message.type === "result") results.push(message.result!);
          else if (message.type === "done") resolve();
        });
        worker.on("error", reject);
      }),
  );
  try {
    await Promise.race([Promise.all(finished), stopped]);
  } finally {
    // Whether done, failed or cancelled: no worker outlives the sweep.
    options.signal?.removeEventListener("abort", abort);
    stopped.catch(() => {});
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.sort((a, b) => a.k - b.k);
}

/** How the caller starts a worker (lib/workers/start-worker in the app), so this file stays free of paths. */
export type StartSweepWorker = (
  data: { data: Float64Array; profile?: Float64Array; rows: number; cols: number; ks: number[]; settings: SweepSettings },
  transfer: ArrayBuffer[],
) => Worker;
