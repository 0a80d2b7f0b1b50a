import { recommendK, segmentProfiles, type BoxSummary, type Matrix, type Recommendation, type ResolvedSweepOptions, type SweepResult } from "@/lib/analysis";
import type { MatrixColumn, PreparedMatrix } from "../dataset/preprocess";

export type Spread = { min: number; q1: number; median: number; q3: number; max: number };

export type SweepKSummary = {
  k: number;
  withinSS: number;
  /** Null when undefined (a solution with a single non-empty segment). */
  silhouette: number | null;
  /** Every bootstrap ARI, for the box plot and the CSV. */
  ari: number[];
  ariSpread: Spread | null;
  segments: { size: number; share: number; means: number[]; jaccardMedian: number | null; jaccardMean: number | null }[];
  totalMeans: number[];
};

/** What a finished run stores in analysis_runs.results: everything the results page shows, no respondent-level data. */
export type SweepResults = {
  /** 2: numerics and recommendation of lib/analysis (runSweep, recommendK). */
  version: 2;
  /** The sweep's resolved options: saving a k re-fits with exactly these. */
  settings: ResolvedSweepOptions;
  respondentCount: number;
  columns: Pick<MatrixColumn, "id" | "label">[];
  counts: PreparedMatrix["counts"];
  ks: SweepKSummary[];
  recommendation: Recommendation | null;
  finishedAt: string;
  threads: number;
};

export const SWEEP_RESULTS_VERSION = 2;

const round = (value: number, digits = 6) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value);
const finiteOrNull = (value: number) => (Number.isFinite(value) ? round(value) : null);

function spreadOf(summary: BoxSummary): Spread | null {
  if (summary.count === 0) return null;
  return { min: round(summary.min), q1: round(summary.q1), median: round(summary.median), q3: round(summary.q3), max: round(summary.max) };
}

/**
 * The stored form of a sweep: per k its within-SS, silhouette, every bootstrap ARI and their spread,
 * and per segment size, share, Jaccard median and mean and its means on `profileMatrix` (the raw
 * scale, also when the sweep clustered z-scores). The recommendation is lib/analysis's `recommendK`.
 */
export function summarizeSweep(params: { sweep: SweepResult; profileMatrix: Matrix; prepared: PreparedMatrix; threads: number; now?: Date }): SweepResults {
  const { sweep, prepared } = params;
  const n = sweep.rows;
  return {
    version: SWEEP_RESULTS_VERSION,
    settings: sweep.options,
    respondentCount: n,
    columns: prepared.columns.map(({ id, label }) => ({ id, label })),
    counts: prepared.counts,
    ks: sweep.perK.map((entry) => {
      const profiles = segmentProfiles(params.profileMatrix, entry.solution.assignments, entry.k);
      return {
        k: entry.k,
        withinSS: round(entry.totalWithinSS),
        silhouette: finiteOrNull(entry.silhouette),
        ari: (entry.stability?.ari ?? []).map((value) => round(value)),
        ariSpread: entry.stability ? spreadOf(entry.stability.ariSummary) : null,
        segments: profiles.segments.map((segment, s) => {
          const jaccard = entry.stability?.segments[s]?.jaccard;
          return {
            size: segment.size,
            share: n > 0 ? segment.size / n : 0,
            means: segment.means.map((value) => round(value)),
            jaccardMedian: jaccard ? finiteOrNull(jaccard.median) : null,
            jaccardMean: jaccard ? finiteOrNull(jaccard.mean) : null,
          };
        }),
        totalMeans: profiles.totalMeans.map((value) => round(value)),
      };
    }),
    recommendation: sweep.perK.length > 0 ? recommendK(sweep.perK) : null,
    finishedAt: (params.now ?? new Date()).toISOString(),
    threads: params.threads,
  };
}
