/**
 * Tests for descriptor variables across segments: chi-square test of independence with Cramér's V
 * for categories; one-way ANOVA with η² and Kruskal–Wallis with ε² for numbers. Rows whose value
 * is missing (null, undefined, NaN) are left out and counted. Results agree with SciPy's
 * chi2_contingency(correction=False), f_oneway and kruskal (see descriptors.test.ts).
 */
import { chiSquareSurvival, fSurvival } from "./distributions";

export type CategoryValue = string | number;
type Maybe<T> = T | null | undefined;

export interface ChiSquareResult {
  /** Rows used (both segment and value present). */
  n: number;
  missing: number;
  /** Segment ids of the table rows and category values of its columns, ascending. */
  segments: number[];
  categories: CategoryValue[];
  observed: number[][];
  expected: number[][];
  statistic: number;
  df: number;
  /** NaN when the table has a single row or column (nothing to test). */
  p: number;
  /** √(χ² / (n · (min(rows, columns) − 1))), 0..1; NaN like p. */
  cramersV: number;
  /** Share of cells with expected count < 5; above 0.2 the chi-square approximation is doubtful (Cochran). */
  lowExpectedShare: number;
}

function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "number" && Number.isNaN(value));
}

function checkLengths(segments: ArrayLike<number>, values: ArrayLike<unknown>): void {
  if (segments.length !== values.length) {
    throw new Error(`Got ${values.length} descriptor values for ${segments.length} segment assignments`);
  }
}

function compareValues(a: CategoryValue, b: CategoryValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

export function chiSquareTest(segments: ArrayLike<number>, values: ArrayLike<Maybe<CategoryValue>>): ChiSquareResult {
  checkLengths(segments, values);
  const segmentIds = new Set<number>();
  const categorySet = new Set<CategoryValue>();
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (isMissing(value) || isMissing(segments[i])) {
      missing++;
      continue;
    }
    segmentIds.add(segments[i]);
    categorySet.add(value as CategoryValue);
  }
  const rowIds = [...segmentIds].sort((a, b) => a - b);
  const categories = [...categorySet].sort(compareValues);
  const rowOf = new Map(rowIds.map((s, r) => [s, r]));
  const colOf = new Map(categories.map((c, j) => [c, j]));
  const observed = rowIds.map(() => new Array<number>(categories.length).fill(0));
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (isMissing(value) || isMissing(segments[i])) continue;
    observed[rowOf.get(segments[i])!][colOf.get(value as CategoryValue)!]++;
  }
  const n = values.length - missing;
  const rowTotals = observed.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = categories.map((_, j) => observed.reduce((sum, row) => sum + row[j], 0));
  const expected = rowTotals.map((rt) => colTotals.map((ct) => (rt * ct) / n));
  let statistic = 0;
  let low = 0;
  for (let r = 0; r < rowIds.length; r++) {
    for (let j = 0; j < categories.length; j++) {
      const e = expected[r][j];
      statistic += ((observed[r][j] - e) ** 2) / e;
      if (e < 5) low++;
    }
  }
  const df = (rowIds.length - 1) * (categories.length - 1);
  const smaller = Math.min(rowIds.length, categories.length) - 1;
  return {
    n,
    missing,
    segments: rowIds,
    categories,
    observed,
    expected,
    statistic,
    df,
    p: df > 0 ? chiSquareSurvival(statistic, df) : NaN,
    cramersV: smaller > 0 ? Math.sqrt(statistic / (n * smaller)) : NaN,
    lowExpectedShare: n > 0 ? low / (rowIds.length * categories.length) : NaN,
  };
}

export interface NumericGroupSummary {
  segment: number;
  n: number;
  mean: number;
  /** Sample standard deviation (divisor n − 1); NaN for a single value. */
  sd: number;
  median: number;
}

export interface AnovaResult {
  f: number;
  dfBetween: number;
  dfWithin: number;
  /** NaN when the F statistic is undefined (fewer than 2 groups, or no variation within groups). */
  p: number;
  /** Between-segment sum of squares / total sum of squares. */
  etaSquared: number;
}

export interface KruskalWallisResult {
  /** H after the tie correction, as SciPy reports it. */
  h: number;
  df: number;
  p: number;
  /** H / (n − 1) (Tomczak & Tomczak 2014), 0..1. */
  epsilonSquared: number;
  /** 1 − Σ(t³ − t) / (n³ − n) over groups of tied values. */
  tieCorrection: number;
}

export interface NumericDescriptorResult {
  n: number;
  missing: number;
  groups: NumericGroupSummary[];
  anova: AnovaResult;
  kruskalWallis: KruskalWallisResult;
}

/** Groups the present values by segment (ascending segment id). */
function groupValues(segments: ArrayLike<number>, values: ArrayLike<Maybe<number>>): { groups: Map<number, number[]>; missing: number } {
  checkLengths(segments, values);
  const groups = new Map<number, number[]>();
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (isMissing(value) || isMissing(segments[i])) {
      missing++;
      continue;
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new Error(`Descriptor value at row ${i} is not a finite number (${String(value)})`);
    }
    const list = groups.get(segments[i]);
    if (list) list.push(value);
    else groups.set(segments[i], [value]);
  }
  return { groups: new Map([...groups].sort((a, b) => a[0] - b[0])), missing };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function anovaOf(groups: readonly number[][]): AnovaResult {
  const all = groups.flat();
  const n = all.length;
  const grand = mean(all);
  let between = 0;
  let within = 0;
  for (const g of groups) {
    const m = mean(g);
    between += g.length * (m - grand) ** 2;
    for (const v of g) within += (v - m) ** 2;
  }
  const dfBetween = groups.length - 1;
  const dfWithin = n - groups.length;
  const total = between + within;
  const f = dfBetween > 0 && dfWithin > 0 && within > 0 ? between / dfBetween / (within / dfWithin) : NaN;
  return { f, dfBetween, dfWithin, p: Number.isFinite(f) ? fSurvival(f, dfBetween, dfWithin) : NaN, etaSquared: total > 0 ? between / total : NaN };
}

function kruskalOf(groups: readonly number[][]): KruskalWallisResult {
  const entries: { value: number; group: number }[] = [];
  groups.forEach((g, gi) => g.forEach((value) => entries.push({ value, group: gi })));
  entries.sort((a, b) => a.value - b.value);
  const n = entries.length;
  const rankSums = new Float64Array(groups.length);
  let ties = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && entries[end].value === entries[start].value) end++;
    const t = end - start;
    const averageRank = (start + 1 + end) / 2; // ranks start+1..end share their mean
    for (let i = start; i < end; i++) rankSums[entries[i].group] += averageRank;
    ties += t * t * t - t;
    start = end;
  }
  let h = 0;
  groups.forEach((g, gi) => (h += (rankSums[gi] * rankSums[gi]) / g.length));
  h = (12 / (n * (n + 1))) * h - 3 * (n + 1);
  const tieCorrection = 1 - ties / (n * n * n - n);
  const df = groups.length - 1;
  const corrected = tieCorrection > 0 && df > 0 ? h / tieCorrection : NaN;
  return {
    h: corrected,
    df,
    p: Number.isFinite(corrected) ? chiSquareSurvival(corrected, df) : NaN,
    epsilonSquared: Number.isFinite(corrected) && n > 1 ? corrected / (n - 1) : NaN,
    tieCorrection,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Per-segment summaries, one-way ANOVA and Kruskal–Wallis for a numeric descriptor. */
export function describeNumeric(segments: ArrayLike<number>, values: ArrayLike<Maybe<number>>): NumericDescriptorResult {
  const { groups, missing } = groupValues(segments, values);
  const lists = [...groups.values()];
  const summaries = [...groups].map(([segment, g]): NumericGroupSummary => {
    const m = mean(g);
    const sd = g.length > 1 ? Math.sqrt(g.reduce((sum, v) => sum + (v - m) ** 2, 0) / (g.length - 1)) : NaN;
    return { segment, n: g.length, mean: m, sd, median: median(g) };
  });
  const n = values.length - missing;
  if (n === 0) throw new Error("The descriptor has no values for these respondents");
  return { n, missing, groups: summaries, anova: anovaOf(lists), kruskalWallis: kruskalOf(lists) };
}

export function oneWayAnova(segments: ArrayLike<number>, values: ArrayLike<Maybe<number>>): AnovaResult {
  return anovaOf([...groupValues(segments, values).groups.values()]);
}

export function kruskalWallis(segments: ArrayLike<number>, values: ArrayLike<Maybe<number>>): KruskalWallisResult {
  return kruskalOf([...groupValues(segments, values).groups.values()]);
}
