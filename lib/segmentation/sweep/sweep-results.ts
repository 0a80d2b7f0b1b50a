import { median, quantile, recommendK, type KRecommendation, type SweepKResult, type SweepSettings } from "../analysis-adapter";
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
  version: 1;
  settings: SweepSettings;
  respondentCount: number;
  columns: Pick<MatrixColumn, "id" | "label">[];
  counts: PreparedMatrix["counts"];
  ks: SweepKSummary[];
  recommendation: KRecommendation | null;
  finishedAt: string;
  threads: number;
};

const round = (value: number, digits = 6) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value);

export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75), max: sorted[sorted.length - 1]! };
}

export function summarizeSweep(params: { results: SweepKResult[]; settings: SweepSettings; prepared: PreparedMatrix; threads: number; now?: Date }): SweepResults {
  const { prepared } = params;
  const n = prepared.matrix.rows;
  return {
    version: 1,
    settings: params.settings,
    respondentCount: n,
    columns: prepared.columns.map(({ id, label }) => ({ id, label })),
    counts: prepared.counts,
    ks: params.results.map((result) => ({
      k: result.k,
      withinSS: round(result.withinSS, 6),
      silhouette: Number.isFinite(result.silhouette) ? round(result.silhouette, 6) : null,
      ari: result.ari.map((value) => round(value, 6)),
      ariSpread: spreadOf(result.ari),
      segments: result.sizes.map((size, s) => ({
        size,
        share: n > 0 ? size / n : 0,
        means: result.means[s]!.map((value) => round(value, 6)),
        jaccardMedian: result.jaccard[s]!.length ? round(median(result.jaccard[s]!), 6) : null,
        jaccardMean: result.jaccard[s]!.length ? round(result.jaccard[s]!.reduce((a, b) => a + b, 0) / result.jaccard[s]!.length, 6) : null,
      })),
      totalMeans: result.totalMeans.map((value) => round(value, 6)),
    })),
    recommendation: recommendK(params.results) ?? null,
    finishedAt: (params.now ?? new Date()).toISOString(),
    threads: params.threads,
  };
}
