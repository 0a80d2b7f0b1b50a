import { createMatrix, preprocess, type Matrix } from "@/lib/analysis";
import { AppError } from "@/lib/errors";
import type { CellValue } from "./extract-values";
import type { DatasetVariable } from "./variables";

export type Scaling = "raw" | "standardise";
export type MissingHandling = "drop" | "impute";

/** A column of k-means input: a variable as it is, or one category of a one-hot coded variable. */
export type MatrixColumn = { id: string; label: string; variableId: string };

export type PreparedMatrix = {
  /** What k-means runs on (standardised when chosen). */
  matrix: Matrix;
  /** The same rows and columns before standardisation: segment profiles are read on this scale. */
  profileMatrix: Matrix;
  /** Standardisation applied to each column, (x − center) / scale; null for raw values. Kept to place later respondents. */
  transform: { centers: number[]; scales: number[] } | null;
  columns: MatrixColumn[];
  /** Response ids of the matrix rows, in order. */
  rowIds: string[];
  counts: {
    /** Responses loaded (after flagged ones were left out). */
    loaded: number;
    /** Responses left out because a basis value was missing (drop). */
    dropped: number;
    /** Basis values filled in (impute): column mean, or the most frequent category. */
    imputedValues: number;
    imputedRows: number;
  };
  /** Columns with a single value: they cannot separate segments (a standardised one is all 0). */
  constantColumns: string[];
};

/** The column mean for numbers (for a 0/1 variable that is the share of 1s), the most frequent category for categories. */
function imputedValue(variable: DatasetVariable, values: readonly CellValue[]): CellValue {
  if (variable.kind === "category") {
    const counts = new Map<string, number>();
    for (const value of values) if (value !== null) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
    let best: string | null = null;
    for (const category of orderedCategories(variable, values)) if (best === null || (counts.get(category) ?? 0) > (counts.get(best) ?? 0)) best = category;
    return best;
  }
  let sum = 0;
  let n = 0;
  for (const value of values) if (typeof value === "number") (sum += value), n++;
  return n > 0 ? sum / n : null;
}

/** Known categories in their defined order, then any others seen in the data (sorted), so columns are stable. */
export function orderedCategories(variable: DatasetVariable, values: readonly CellValue[]): string[] {
  const known = (variable.categories ?? []).map((category) => category.value);
  const seen = new Set(values.filter((value): value is string | number => value !== null).map(String));
  const extra = [...seen].filter((value) => !known.includes(value)).sort();
  // Only categories that occur: an empty one-hot column would be constant.
  return [...known.filter((value) => seen.has(value)), ...extra];
}

/**
 * Turns the loaded table (responses × basis variables) into the k-means matrix: missing values
 * dropped (whole response) or imputed, categories one-hot coded, then raw or standardised
 * columns. Throws a field error when nothing usable is left.
 */
export function prepareMatrix(
  rowIds: readonly string[],
  variables: readonly DatasetVariable[],
  table: readonly CellValue[][],
  options: { scaling: Scaling; missing: MissingHandling },
): PreparedMatrix {
  const columnsOf = variables.map((_, j) => table.map((row) => row[j] ?? null));
  let keep = rowIds.map((_, i) => i);
  let imputedValues = 0;
  const imputedRowSet = new Set<number>();
  const filled = columnsOf.map((column) => column.slice());
  if (options.missing === "drop") {
    keep = keep.filter((i) => columnsOf.every((column) => column[i] !== null));
  } else {
    variables.forEach((variable, j) => {
      const value = imputedValue(variable, columnsOf[j]!);
      if (value === null) {
        throw new AppError("invalid", `Nobody answered “${variable.label}”: leave it out of the basis.`, { basis: [`No values for ${variable.label}`] });
      }
      filled[j] = columnsOf[j]!.map((cell, i) => {
        if (cell !== null) return cell;
        imputedValues++;
        imputedRowSet.add(i);
        return value;
      });
    });
  }
  if (keep.length === 0) {
    throw new AppError("invalid", "No response has a value for every basis variable. Choose fewer variables or impute missing values.", {
      basis: ["No complete rows for these variables"],
    });
  }

  const columns: MatrixColumn[] = [];
  const builders: ((i: number) => number)[] = [];
  variables.forEach((variable, j) => {
    const values = filled[j]!;
    if (variable.kind === "category") {
      const label = new Map((variable.categories ?? []).map((category) => [category.value, category.label]));
      for (const category of orderedCategories(variable, keep.map((i) => values[i]!))) {
        columns.push({ id: `${variable.id}=${category}`, label: `${variable.label}: ${label.get(category) ?? category}`, variableId: variable.id });
        builders.push((i) => (String(values[i]) === category ? 1 : 0));
      }
    } else {
      columns.push({ id: variable.id, label: variable.label, variableId: variable.id });
      builders.push((i) => values[i] as number);
    }
  });

  const data = new Float64Array(keep.length * columns.length);
  keep.forEach((i, row) => builders.forEach((build, c) => (data[row * columns.length + c] = build(i))));
  const raw = createMatrix(data, keep.length, columns.length);
  const constantColumns = columns.filter((_, c) => keep.every((__, row) => data[row * columns.length + c] === data[c])).map((column) => column.id);
  const standardised = options.scaling === "standardise" ? standardiseColumns(raw) : undefined;
  return {
    matrix: standardised?.matrix ?? raw,
    profileMatrix: raw,
    transform: standardised?.transform ?? null,
    columns,
    rowIds: keep.map((i) => rowIds[i]!),
    counts: { loaded: rowIds.length, dropped: rowIds.length - keep.length, imputedValues, imputedRows: imputedRowSet.size },
    constantColumns,
  };
}

/**
 * z-scores of every column (one-hot columns included, as the basis is clustered), through
 * lib/analysis's `preprocess`: sample SD (n − 1, R's scale()), a constant column becomes all 0.
 */
function standardiseColumns(raw: Matrix): { matrix: Matrix; transform: { centers: number[]; scales: number[] } } {
  const columns = Array.from({ length: raw.cols }, (_, c) => ({
    id: String(c),
    kind: "numeric" as const,
    values: Array.from({ length: raw.rows }, (__, r) => raw.data[r * raw.cols + c]!),
  }));
  const result = preprocess(columns, { scaling: "standardise", missing: "drop", standardDeviation: "sample" });
  const specs = result.spec.columns.flatMap((column) => (column.kind === "numeric" ? [column] : []));
  return { matrix: result.matrix, transform: { centers: specs.map((column) => column.mean), scales: specs.map((column) => column.sd) } };
}
