import { chiSquareTest, kruskalWallis, oneWayAnova } from "./statistics";

/**
 * Descriptor tables of a saved solution: per segment the distribution (categories) or mean
 * (numbers) of each descriptor variable, with the test that fits the variable and its effect
 * size. Pure: the loader (describe-solution.ts) turns answers and customer metrics into
 * DescriptorVariables, one value per assigned respondent in assignment order.
 */

/** Breakdowns of fewer respondents than this are hidden (design.md, "Sharing": privacy by default). */
export const MIN_GROUP_SIZE = 5;

/** |sample skewness| above this sends an interval variable to Kruskal–Wallis instead of ANOVA. */
export const SKEW_LIMIT = 1;

export type DescriptorSource = "survey" | "customer";

export type CategoricalVariable = {
  id: string;
  label: string;
  source: DescriptorSource;
  kind: "categorical";
  categories: { key: string; label: string }[];
  /** Category key per respondent; null = no answer / not matched. */
  values: (string | null)[];
};

export type NumericVariable = {
  id: string;
  label: string;
  source: DescriptorSource;
  kind: "numeric";
  /** Ordinal scales (ratings, Likert items, NPS) always get Kruskal–Wallis. */
  scale: "ordinal" | "interval";
  values: (number | null)[];
};

export type DescriptorVariable = CategoricalVariable | NumericVariable;

/** Why this test: ordinal scale, a skewed distribution, or a roughly symmetric one (ANOVA). */
export type TestReason = "categories" | "ordinal" | "skewed" | "symmetric";

export type DescriptorTest = {
  name: "chi_square" | "anova" | "kruskal_wallis";
  reason: TestReason;
  statistic: number;
  df: number[];
  pValue: number;
  effect: { name: "cramers_v" | "eta_squared" | "epsilon_squared"; value: number };
  /** Sample skewness behind a skewed/symmetric choice. */
  skewness?: number;
};

export type CategoricalCell = { n: number; hidden: boolean; shares: number[] | null };
export type NumericCell = { n: number; hidden: boolean; mean: number | null; median: number | null; sd: number | null };

export type CategoricalDescriptor = Omit<CategoricalVariable, "values"> & { total: CategoricalCell; segments: CategoricalCell[]; test: DescriptorTest | null };
export type NumericDescriptor = Omit<NumericVariable, "values"> & { total: NumericCell; segments: NumericCell[]; test: DescriptorTest | null };
export type Descriptor = CategoricalDescriptor | NumericDescriptor;

export function sampleSkewness(values: readonly number[]): number {
  const n = values.length;
  if (n < 3) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  let m2 = 0;
  let m3 = 0;
  for (const v of values) {
    m2 += (v - mean) ** 2;
    m3 += (v - mean) ** 3;
  }
  m2 /= n;
  m3 /= n;
  return m2 > 0 ? m3 / m2 ** 1.5 : 0;
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function numericCell(values: number[]): NumericCell {
  const n = values.length;
  if (n < MIN_GROUP_SIZE) return { n, hidden: true, mean: null, median: null, sd: null };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { n, hidden: false, mean, median: median([...values].sort((a, b) => a - b)), sd };
}

function categoricalCell(counts: number[]): CategoricalCell {
  const n = counts.reduce((s, c) => s + c, 0);
  if (n < MIN_GROUP_SIZE) return { n, hidden: true, shares: null };
  return { n, hidden: false, shares: counts.map((c) => c / n) };
}

function describeCategorical(variable: CategoricalVariable, segmentOf: ArrayLike<number>, k: number): CategoricalDescriptor {
  const index = new Map(variable.categories.map((category, i) => [category.key, i]));
  const counts = Array.from({ length: k }, () => new Array<number>(variable.categories.length).fill(0));
  variable.values.forEach((value, i) => {
    const column = value === null ? undefined : index.get(value);
    if (column !== undefined) counts[segmentOf[i]!]![column]! += 1;
  });
  const totals = variable.categories.map((_, j) => counts.reduce((s, row) => s + row[j]!, 0));
  const result = chiSquareTest(counts);
  const { values: _values, ...meta } = variable;
  return {
    ...meta,
    total: categoricalCell(totals),
    segments: counts.map(categoricalCell),
    test: Number.isFinite(result.statistic)
      ? { name: "chi_square", reason: "categories", statistic: result.statistic, df: [result.df], pValue: result.pValue, effect: { name: "cramers_v", value: result.cramersV } }
      : null,
  };
}

function describeNumeric(variable: NumericVariable, segmentOf: ArrayLike<number>, k: number): NumericDescriptor {
  const groups = Array.from({ length: k }, () => [] as number[]);
  variable.values.forEach((value, i) => {
    if (value !== null && Number.isFinite(value)) groups[segmentOf[i]!]!.push(value);
  });
  const all = groups.flat();
  const skewness = sampleSkewness(all);
  const reason: TestReason = variable.scale === "ordinal" ? "ordinal" : Math.abs(skewness) > SKEW_LIMIT ? "skewed" : "symmetric";
  let test: DescriptorTest | null = null;
  if (reason === "symmetric") {
    const anova = oneWayAnova(groups);
    if (Number.isFinite(anova.pValue)) {
      test = { name: "anova", reason, statistic: anova.statistic, df: [anova.df1, anova.df2], pValue: anova.pValue, effect: { name: "eta_squared", value: anova.etaSquared }, skewness };
    }
  } else {
    const kruskal = kruskalWallis(groups);
    if (Number.isFinite(kruskal.pValue)) {
      test = {
        name: "kruskal_wallis",
        reason,
        statistic: kruskal.statistic,
        df: [kruskal.df],
        pValue: kruskal.pValue,
        effect: { name: "epsilon_squared", value: kruskal.epsilonSquared },
        ...(reason === "skewed" ? { skewness } : {}),
      };
    }
  }
  const { values: _values, ...meta } = variable;
  return { ...meta, total: numericCell(all), segments: groups.map(numericCell), test };
}

/** One descriptor table row per variable; `segmentOf[i]` is respondent i's segment position (0..k−1). */
export function describeVariables(variables: readonly DescriptorVariable[], segmentOf: ArrayLike<number>, k: number): Descriptor[] {
  for (const variable of variables) {
    if (variable.values.length !== segmentOf.length) throw new Error(`${variable.id}: ${variable.values.length} values for ${segmentOf.length} respondents`);
  }
  return variables.map((variable) => (variable.kind === "categorical" ? describeCategorical(variable, segmentOf, k) : describeNumeric(variable, segmentOf, k)));
}
