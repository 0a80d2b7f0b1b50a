import { correlationMatrix, principalComponents } from "@/lib/analysis/explore";
import type { Matrix } from "@/lib/analysis";
import type { AnalysisDataset } from "./load-dataset";
import type { CellValue } from "./extract-values";
import { orderedCategories } from "./preprocess";
import type { DatasetVariable } from "./variables";

export type VariableSummary = {
  id: string;
  label: string;
  role: "basis" | "descriptor";
  kind: DatasetVariable["kind"];
  n: number;
  missing: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  /** Counts per value (few distinct values or categories) or per equal-width bin. */
  distribution: { label: string; count: number }[];
};

export type DatasetExploration = {
  surveyTitle: string;
  respondents: number;
  counts: AnalysisDataset["prepared"]["counts"];
  columns: { id: string; label: string }[];
  constantColumns: string[];
  sampleSize: AnalysisDataset["sampleSize"];
  fingerprint: string;
  variables: VariableSummary[];
  /** Pearson correlations of the basis columns as clustered; null where a column is constant. */
  correlations: (number | null)[][];
  /** Share of variance per principal component of the basis columns, largest first. */
  pcaExplained: number[];
};

const MAX_DISTINCT_SHOWN = 11;
const BINS = 10;

function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function numericDistribution(values: number[]): VariableSummary["distribution"] {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length <= MAX_DISTINCT_SHOWN) {
    const counts = new Map<number, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return distinct.map((value) => ({ label: String(round(value, 3)), count: counts.get(value)! }));
  }
  const min = distinct[0]!;
  const width = (distinct[distinct.length - 1]! - min) / BINS;
  const counts = new Array<number>(BINS).fill(0);
  for (const value of values) counts[Math.min(BINS - 1, Math.floor((value - min) / width))]!++;
  return counts.map((count, bin) => ({ label: `${round(min + bin * width, 2)}–${round(min + (bin + 1) * width, 2)}`, count }));
}

/** Descriptive statistics of one variable over the loaded responses, before preprocessing. */
export function summarizeVariable(variable: DatasetVariable, role: VariableSummary["role"], values: readonly CellValue[]): VariableSummary {
  const present = values.filter((value): value is number | string => value !== null);
  const base = { id: variable.id, label: variable.label, role, kind: variable.kind, n: present.length, missing: values.length - present.length };
  if (variable.kind === "category") {
    const labels = new Map((variable.categories ?? []).map((category) => [category.value, category.label]));
    return {
      ...base,
      mean: null,
      sd: null,
      min: null,
      max: null,
      distribution: orderedCategories(variable, present).map((value) => ({ label: labels.get(value) ?? value, count: present.filter((v) => String(v) === value).length })),
    };
  }
  const numbers = present as number[];
  if (numbers.length === 0) return { ...base, mean: null, sd: null, min: null, max: null, distribution: [] };
  const mean = numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
  // A loop, not Math.min(...numbers): spreading 100,000 values overflows the call stack.
  let min = Infinity;
  let max = -Infinity;
  for (const value of numbers) (min = Math.min(min, value)), (max = Math.max(max, value));
  const variance = numbers.length > 1 ? numbers.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (numbers.length - 1) : 0;
  return {
    ...base,
    mean,
    sd: Math.sqrt(variance),
    min,
    max,
    distribution: numericDistribution(numbers),
  };
}

/** The correlation matrix as rows for the heat map, null where a column is constant. */
function correlationRows(matrix: Matrix): (number | null)[][] {
  const flat = correlationMatrix(matrix);
  return Array.from({ length: matrix.cols }, (_, a) => Array.from({ length: matrix.cols }, (__, b) => {
    const value = flat[a * matrix.cols + b]!;
    return Number.isFinite(value) ? round(value) : null;
  }));
}

/** Exploration before clustering (Dolnicar et al., ch. 6): distributions, correlations of the basis and a PCA scree. */
export function exploreDataset(dataset: AnalysisDataset): DatasetExploration {
  const all = [...dataset.basis.map((variable) => ({ variable, role: "basis" as const })), ...dataset.descriptors.map((variable) => ({ variable, role: "descriptor" as const }))];
  const { prepared } = dataset;
  return {
    surveyTitle: dataset.survey.title,
    respondents: prepared.matrix.rows,
    counts: prepared.counts,
    columns: prepared.columns.map((column) => ({ id: column.id, label: column.label })),
    constantColumns: prepared.constantColumns,
    sampleSize: dataset.sampleSize,
    fingerprint: dataset.fingerprint,
    variables: all.map(({ variable, role }, j) => summarizeVariable(variable, role, dataset.table.map((row) => row[j] ?? null))),
    correlations: correlationRows(prepared.matrix),
    pcaExplained: prepared.matrix.rows >= 2 ? principalComponents(prepared.matrix, { components: 1 }).explainedVarianceRatio.map((value) => round(value, 6)) : [],
  };
}
