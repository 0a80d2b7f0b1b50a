/**
 * The k sweep behind "choosing the number of segments": for every k in kMin..kMax the best of
 * `restarts` k-means++ runs (within-SS for the scree), its sampled silhouette, and — when
 * `bootstraps` > 0 — global stability (ARI per bootstrap pair, for a box plot) and segment-level
 * stability (Jaccard per segment). Single-threaded here; `runSweepInWorkers` runs the same tasks
 * on worker threads with identical results.
 */
import { validateK } from "./kmeans";
import type { KMeansRestartResult } from "./kmeans-restarts";
import type { Matrix } from "./matrix";
import { boxSummary, type BoxSummary } from "./summary";
import {
  runBootstrapTask,
  runFitTask,
  type BootstrapTaskResult,
  type FitTaskResult,
  type ResolvedSweepOptions,
} from "./sweep-tasks";

export interface SweepOptions {
  /** Default 2. */
  kMin?: number;
  /** Default 8 (capped at the number of rows). */
  kMax?: number;
  /** k-means++ starts per k on the full data, best kept; default 10. */
  restarts?: number;
  /** Default 1. Store it with the results: the same seed and data give the same numbers. */
  seed?: number;
  /** Rows in the silhouette sample; default 2000 (exact silhouette when n is smaller). */
  silhouetteSample?: number;
  /** Bootstrap pairs for stability; default 100, 0 skips stability. */
  bootstraps?: number;
  /** k-means++ starts per bootstrap resample; defaults to `restarts` (flexclust's nrep). */
  bootstrapRestarts?: number;
  /** Passed to every Lloyd run; defaults 300 and 1e-4 (scikit-learn's). */
  maxIterations?: number;
  tolerance?: number;
}

export interface SweepProgress {
  phase: "fit" | "stability";
  k: number;
  /** Bootstrap pair number (0-based), in the stability phase. */
  bootstrap?: number;
  /** Tasks finished so far and in all: one per k, then one per k and bootstrap pair. */
  completed: number;
  total: number;
}

export interface SweepCallbacks {
  onProgress?: (progress: SweepProgress) => void;
  /** Checked before every task; an aborted signal stops the sweep with its reason. */
  signal?: AbortSignal;
  /** Polled before every task, for callers whose abort cannot arrive while the sweep blocks the thread. */
  shouldCancel?: () => boolean;
}

export interface SegmentStability {
  segment: number;
  /** Jaccard values over all resamples where the segment had rows (2 per bootstrap pair). */
  jaccard: BoxSummary;
  /** Share of those resamples where the best Jaccard was ≤ 0.5 (Hennig: the segment "dissolved"). */
  dissolvedShare: number;
}

export interface SweepStability {
  /** ARI per bootstrap pair, in bootstrap order. */
  ari: number[];
  ariSummary: BoxSummary;
  segments: SegmentStability[];
}

export interface SweepKResult {
  k: number;
  /** Best full-data solution for this k (segments ordered by size; see `orderSegments`). */
  solution: KMeansRestartResult;
  totalWithinSS: number;
  silhouette: number;
  stability: SweepStability | null;
}

export interface SweepResult {
  options: ResolvedSweepOptions;
  rows: number;
  cols: number;
  perK: SweepKResult[];
}

export class SweepCancelledError extends Error {
  constructor(reason?: unknown) {
    super(typeof reason === "string" ? reason : "The segmentation sweep was cancelled");
    this.name = "SweepCancelledError";
  }
}

function positiveInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${value}`);
}

export function resolveSweepOptions(matrix: Matrix, options: SweepOptions = {}): ResolvedSweepOptions {
  const kMin = options.kMin ?? 2;
  const kMax = Math.min(options.kMax ?? 8, matrix.rows);
  const restarts = options.restarts ?? 10;
  const resolved: ResolvedSweepOptions = {
    kMin,
    kMax,
    restarts,
    seed: options.seed ?? 1,
    silhouetteSample: options.silhouetteSample ?? 2000,
    bootstraps: options.bootstraps ?? 100,
    bootstrapRestarts: options.bootstrapRestarts ?? restarts,
    maxIterations: options.maxIterations ?? 300,
    tolerance: options.tolerance ?? 1e-4,
  };
  validateK(kMin, matrix.rows);
  if (options.kMax !== undefined) positiveInteger("kMax", options.kMax, kMin);
  positiveInteger("restarts", resolved.restarts, 1);
  positiveInteger("bootstrapRestarts", resolved.bootstrapRestarts, 1);
  positiveInteger("bootstraps", resolved.bootstraps, 0);
  positiveInteger("silhouetteSample", resolved.silhouetteSample, 3);
  if (!Number.isSafeInteger(resolved.seed)) throw new Error(`seed must be a safe integer, got ${resolved.seed}`);
  // Silhouette is undefined when every row is its own segment.
  if (kMax > matrix.rows - 1) throw new Error(`kMax = ${kMax} needs more than ${kMax} respondents`);
  return resolved;
}

export function sweepKs(options: ResolvedSweepOptions): number[] {
  return Array.from({ length: options.kMax - options.kMin + 1 }, (_, i) => options.kMin + i);
}

export function runSweep(matrix: Matrix, options: SweepOptions = {}, callbacks: SweepCallbacks = {}): SweepResult {
  const resolved = resolveSweepOptions(matrix, options);
  const ks = sweepKs(resolved);
  const total = ks.length * (1 + resolved.bootstraps);
  let completed = 0;
  const checkCancel = () => {
    callbacks.signal?.throwIfAborted();
    if (callbacks.shouldCancel?.()) throw new SweepCancelledError();
  };
  const fits: FitTaskResult[] = [];
  for (const k of ks) {
    checkCancel();
    fits.push(runFitTask(matrix, k, resolved));
    callbacks.onProgress?.({ phase: "fit", k, completed: ++completed, total });
  }
  const boots: BootstrapTaskResult[] = [];
  for (let b = 0; b < resolved.bootstraps; b++) {
    for (const fit of fits) {
      checkCancel();
      boots.push(runBootstrapTask(matrix, fit.k, b, fit.solution.assignments, resolved));
      callbacks.onProgress?.({ phase: "stability", k: fit.k, bootstrap: b, completed: ++completed, total });
    }
  }
  return assembleSweep(matrix, resolved, fits, boots);
}

/** Puts task results together, whatever order they finished in. */
export function assembleSweep(
  matrix: Matrix,
  options: ResolvedSweepOptions,
  fits: readonly FitTaskResult[],
  boots: readonly BootstrapTaskResult[],
): SweepResult {
  const perK = sweepKs(options).map((k): SweepKResult => {
    const fit = fits.find((f) => f.k === k);
    if (!fit) throw new Error(`Sweep is missing the fit for k = ${k}`);
    const mine = boots.filter((r) => r.k === k).sort((a, b) => a.bootstrap - b.bootstrap);
    if (mine.length !== options.bootstraps) throw new Error(`Sweep has ${mine.length} of ${options.bootstraps} bootstraps for k = ${k}`);
    return {
      k,
      solution: fit.solution,
      totalWithinSS: fit.solution.totalWithinSS,
      silhouette: fit.silhouette,
      stability: options.bootstraps > 0 ? summariseStability(k, mine) : null,
    };
  });
  return { options, rows: matrix.rows, cols: matrix.cols, perK };
}

function summariseStability(k: number, boots: readonly BootstrapTaskResult[]): SweepStability {
  const ari = boots.map((r) => r.ari);
  const segments: SegmentStability[] = [];
  for (let s = 0; s < k; s++) {
    const values: number[] = [];
    for (const r of boots) values.push(r.jaccard[2 * s], r.jaccard[2 * s + 1]);
    const measured = values.filter(Number.isFinite);
    const dissolved = measured.filter((v) => v <= 0.5).length;
    segments.push({ segment: s, jaccard: boxSummary(values), dissolvedShare: measured.length ? dissolved / measured.length : NaN });
  }
  return { ari, ariSummary: boxSummary(ari), segments };
}

export interface SweepKSummary {
  k: number;
  totalWithinSS: number;
  silhouette: number;
  sizes: number[];
  stability: SweepStability | null;
}

/** What the sweep screen shows, in plain JSON-ready values (NaN, e.g. an unmeasured Jaccard, becomes null in JSON). */
export interface SweepSummary {
  options: ResolvedSweepOptions;
  rows: number;
  cols: number;
  perK: SweepKSummary[];
}

/**
 * The sweep without its per-respondent arrays, for storing with the run; `recommendK` accepts
 * its `perK`. Keep the chosen k's `solution` from the full result to save the segmentation.
 */
export function summariseSweep(result: SweepResult): SweepSummary {
  return {
    options: result.options,
    rows: result.rows,
    cols: result.cols,
    perK: result.perK.map((p) => ({
      k: p.k,
      totalWithinSS: p.totalWithinSS,
      silhouette: p.silhouette,
      sizes: Array.from(p.solution.sizes),
      stability: p.stability,
    })),
  };
}
