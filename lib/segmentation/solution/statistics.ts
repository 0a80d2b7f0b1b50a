import { compareSolutions, matrixFromRows } from "@/lib/analysis";
import { chiSquareTest as chiSquareOnLabels, kruskalWallis as kruskalOnLabels, oneWayAnova as anovaOnLabels } from "@/lib/analysis/descriptors";
import { chiSquareSurvival, fSurvival } from "@/lib/analysis/distributions";
import { principalComponents } from "@/lib/analysis/explore";

/**
 * The solution page's statistics in the shapes its tables use (a contingency table, groups of
 * numbers, rows of a matrix), computed by lib/analysis — checked there against SciPy and scikit-learn.
 */

export { chiSquareSurvival, fSurvival };
export type ChiSquareResult = { statistic: number; df: number; pValue: number; cramersV: number; n: number };
export type AnovaResult = { statistic: number; df1: number; df2: number; pValue: number; etaSquared: number; n: number };
export type KruskalResult = { statistic: number; df: number; pValue: number; epsilonSquared: number; n: number };
export type Pca2Result = {
  /** n × 2 scores on the first two principal components. */
  scores: [number, number][];
  /** variables × 2: eigenvector entries (directions of the variables in the map). */
  loadings: [number, number][];
  /** Share of the total variance per component, 0..1. */
  explained: [number, number];
};

/** Groups (one list of values per segment) as parallel segment/value arrays. */
function labelled(groups: readonly (readonly number[])[]): { segments: number[]; values: number[] } {
  const segments: number[] = [];
  const values: number[] = [];
  groups.forEach((group, segment) => {
    for (const value of group) {
      segments.push(segment);
      values.push(value);
    }
  });
  return { segments, values };
}

/** Chi-square test of independence of a segments × categories table of counts. */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareResult {
  const segments: number[] = [];
  const values: number[] = [];
  table.forEach((row, segment) =>
    row.forEach((count, category) => {
      for (let i = 0; i < count; i++) {
        segments.push(segment);
        values.push(category);
      }
    }),
  );
  const result = chiSquareOnLabels(segments, values);
  return { statistic: result.statistic, df: result.df, pValue: result.p, cramersV: result.cramersV, n: result.n };
}

export function oneWayAnova(groups: readonly (readonly number[])[]): AnovaResult {
  const { segments, values } = labelled(groups);
  const result = anovaOnLabels(segments, values);
  return { statistic: result.f, df1: result.dfBetween, df2: result.dfWithin, pValue: result.p, etaSquared: result.etaSquared, n: values.length };
}

export function kruskalWallis(groups: readonly (readonly number[])[]): KruskalResult {
  const { segments, values } = labelled(groups);
  const result = kruskalOnLabels(segments, values);
  return { statistic: result.h, df: result.df, pValue: result.p, epsilonSquared: result.epsilonSquared, n: values.length };
}

/** Counts of (a, b) label pairs: rows are a's labels 0..ka−1, columns b's. */
export function crossTabulate(a: ArrayLike<number>, b: ArrayLike<number>, ka: number, kb: number): number[][] {
  if (a.length !== b.length) throw new Error("Both partitions need the same respondents");
  if (a.length === 0) return Array.from({ length: ka }, () => new Array<number>(kb).fill(0));
  return compareSolutions(a, b, { firstK: ka, secondK: kb }).crossTab;
}

/** PCA of the covariance matrix (centred, unscaled) down to two components, for the segment map. */
export function pca2(rows: readonly (readonly number[])[]): Pca2Result {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  if (n < 2 || p < 1) return { scores: rows.map(() => [0, 0]), loadings: Array.from({ length: p }, () => [0, 0]), explained: [0, 0] };
  const pca = principalComponents(matrixFromRows(rows), { components: Math.min(2, p) });
  const kept = pca.componentsKept;
  const scores = rows.map((_, i) => [pca.scores[i * kept] ?? 0, kept > 1 ? (pca.scores[i * kept + 1] ?? 0) : 0] as [number, number]);
  const loadings = Array.from({ length: p }, (_, j) => [pca.components[0]?.[j] ?? 0, pca.components[1]?.[j] ?? 0] as [number, number]);
  const explained: [number, number] = [pca.explainedVarianceRatio[0] ?? 0, pca.explainedVarianceRatio[1] ?? 0];
  return { scores, loadings, explained };
}
