/**
 * Builds the analysis matrix from basis variables of mixed kinds, and records every choice in a
 * serialisable `PreprocessingSpec` so later respondents can be put through exactly the same steps
 * before they are assigned to a saved solution.
 *
 * - Numeric columns stay raw or become z-scores, (x − mean) / sd; the sd divisor is n − 1 by
 *   default (R's scale(), SPSS) or n ("population", scikit-learn's StandardScaler).
 * - Categorical columns become one 0/1 column per category (all categories, none dropped: k-means
 *   distances should treat every category alike).
 * - Missing values (null, undefined, NaN): "drop" leaves out rows with any missing basis value;
 *   "impute" fills the column mean (numeric) or the most frequent category (categorical, ties to
 *   the first in category order). Means, sds and modes come from the observed values of the rows
 *   kept, so imputation does not shrink the sd.
 * - Warns when n < 100 × the number of matrix columns (Dolnicar, Grün & Leisch 2018; a
 *   categorical variable counts once per category, as each is a dimension k-means works in).
 */
import type { CategoryValue } from "./descriptors";
import type { Matrix } from "./matrix";

export type MissingStrategy = "drop" | "impute";
export type NumericScaling = "raw" | "standardise";
export type StandardDeviationKind = "sample" | "population";
type Maybe<T> = T | null | undefined;

export interface NumericColumnInput {
  id: string;
  kind: "numeric";
  values: ReadonlyArray<Maybe<number>>;
  /** Overrides `PreprocessOptions.scaling` for this column. */
  scaling?: NumericScaling;
}

export interface CategoricalColumnInput {
  id: string;
  kind: "categorical";
  values: ReadonlyArray<Maybe<CategoryValue>>;
  /** Category order (and the full set, including categories nobody chose); default: observed, sorted. */
  categories?: readonly CategoryValue[];
}

export type AnalysisColumnInput = NumericColumnInput | CategoricalColumnInput;

export interface PreprocessOptions {
  /** Default "drop". */
  missing?: MissingStrategy;
  /** Default scaling of numeric columns; default "raw". */
  scaling?: NumericScaling;
  /** Divisor of the sd in z-scores; default "sample" (n − 1). */
  standardDeviation?: StandardDeviationKind;
  /** Input row indices to leave out before anything else (e.g. flagged careless responses). */
  excludeRows?: readonly number[];
}

export type ColumnSpec =
  | { id: string; kind: "numeric"; scaling: NumericScaling; mean: number; sd: number; imputeValue: number }
  | { id: string; kind: "categorical"; categories: CategoryValue[]; imputeValue: CategoryValue };

/** Everything needed to repeat the preprocessing on new rows; plain JSON. */
export interface PreprocessingSpec {
  version: 1;
  missing: MissingStrategy;
  standardDeviation: StandardDeviationKind;
  columns: ColumnSpec[];
}

export interface AnalysisVariable {
  columnId: string;
  kind: "numeric" | "category";
  /** For one-hot columns: the category this 0/1 column stands for. */
  category?: CategoryValue;
}

export type PreprocessWarning =
  | { code: "small-sample"; rows: number; variables: number; recommendedMinimum: number }
  | { code: "constant-variable"; columnId: string; category?: CategoryValue };

export interface PreprocessReport {
  inputRows: number;
  excludedRows: number;
  /** Rows left out for a missing value ("drop"). */
  droppedRows: number;
  usedRows: number;
  /** Missing values per column among the rows not excluded. */
  missingByColumn: Record<string, number>;
  /** Values filled in per column ("impute"). */
  imputedByColumn: Record<string, number>;
  warnings: PreprocessWarning[];
}

export interface PreprocessResult {
  matrix: Matrix;
  /** Input row index of each matrix row. */
  rowIndices: Int32Array;
  variables: AnalysisVariable[];
  spec: PreprocessingSpec;
  report: PreprocessReport;
}

export const SAMPLE_SIZE_PER_VARIABLE = 100;

function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "number" && Number.isNaN(value));
}

function compareValues(a: CategoryValue, b: CategoryValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

function checkColumns(columns: readonly AnalysisColumnInput[]): number {
  if (columns.length === 0) throw new Error("Choose at least one basis variable");
  const ids = new Set<string>();
  const rows = columns[0].values.length;
  for (const column of columns) {
    if (ids.has(column.id)) throw new Error(`Basis variable "${column.id}" is listed twice`);
    ids.add(column.id);
    if (column.values.length !== rows) {
      throw new Error(`Basis variable "${column.id}" has ${column.values.length} values, "${columns[0].id}" has ${rows}`);
    }
    column.values.forEach((value, i) => {
      if (isMissing(value)) return;
      if (column.kind === "numeric" && (typeof value !== "number" || !Number.isFinite(value))) {
        throw new Error(`Basis variable "${column.id}", row ${i}: ${JSON.stringify(value)} is not a finite number`);
      }
      if (column.kind === "categorical" && typeof value !== "string" && typeof value !== "number") {
        throw new Error(`Basis variable "${column.id}", row ${i}: ${JSON.stringify(value)} is not a category`);
      }
    });
  }
  return rows;
}

export function preprocess(columns: readonly AnalysisColumnInput[], options: PreprocessOptions = {}): PreprocessResult {
  const inputRows = checkColumns(columns);
  const missing = options.missing ?? "drop";
  const standardDeviation = options.standardDeviation ?? "sample";
  const excluded = new Uint8Array(inputRows);
  for (const r of options.excludeRows ?? []) {
    if (!Number.isInteger(r) || r < 0 || r >= inputRows) throw new Error(`Excluded row ${r} is outside 0..${inputRows - 1}`);
    excluded[r] = 1;
  }
  const missingByColumn: Record<string, number> = {};
  for (const column of columns) {
    missingByColumn[column.id] = column.values.reduce((n: number, v, i) => n + (!excluded[i] && isMissing(v) ? 1 : 0), 0);
  }
  const kept: number[] = [];
  let droppedRows = 0;
  for (let i = 0; i < inputRows; i++) {
    if (excluded[i]) continue;
    if (missing === "drop" && columns.some((c) => isMissing(c.values[i]))) droppedRows++;
    else kept.push(i);
  }
  const excludedRows = excluded.reduce((a, b) => a + b, 0);
  if (kept.length === 0) {
    throw new Error(
      missing === "drop"
        ? `No respondents left: all ${inputRows - excludedRows} remaining rows miss at least one basis variable (try imputing)`
        : "No respondents left after the exclusions",
    );
  }

  const specs = columns.map((column): ColumnSpec => {
    const observed = kept.map((i) => column.values[i]).filter((v) => !isMissing(v));
    if (observed.length === 0) throw new Error(`Basis variable "${column.id}" has no values among the respondents used`);
    if (column.kind === "numeric") {
      const values = observed as number[];
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const divisor = standardDeviation === "sample" ? values.length - 1 : values.length;
      const sd = divisor > 0 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / divisor) : 0;
      return { id: column.id, kind: "numeric", scaling: column.scaling ?? options.scaling ?? "raw", mean, sd, imputeValue: mean };
    }
    const counts = new Map<CategoryValue, number>();
    for (const v of observed as CategoryValue[]) counts.set(v, (counts.get(v) ?? 0) + 1);
    const categories = column.categories ? [...column.categories] : [...counts.keys()].sort(compareValues);
    for (const value of counts.keys()) {
      if (!categories.includes(value)) throw new Error(`Basis variable "${column.id}" has the value ${JSON.stringify(value)}, which is not one of its categories`);
    }
    let mode = categories[0];
    for (const c of categories) if ((counts.get(c) ?? 0) > (counts.get(mode) ?? 0)) mode = c;
    return { id: column.id, kind: "categorical", categories, imputeValue: mode };
  });
  const spec: PreprocessingSpec = { version: 1, missing, standardDeviation, columns: specs };
  const applied = transform(spec, columns, kept);
  const { matrix, variables } = applied;

  const warnings: PreprocessWarning[] = [];
  const recommendedMinimum = SAMPLE_SIZE_PER_VARIABLE * matrix.cols;
  if (matrix.rows < recommendedMinimum) warnings.push({ code: "small-sample", rows: matrix.rows, variables: matrix.cols, recommendedMinimum });
  variables.forEach((variable, j) => {
    let constant = true;
    for (let i = 1; i < matrix.rows && constant; i++) constant = matrix.data[i * matrix.cols + j] === matrix.data[j];
    if (constant) warnings.push({ code: "constant-variable", columnId: variable.columnId, ...(variable.category !== undefined ? { category: variable.category } : {}) });
  });

  return {
    matrix,
    rowIndices: Int32Array.from(kept),
    variables,
    spec,
    report: { inputRows, excludedRows, droppedRows, usedRows: kept.length, missingByColumn, imputedByColumn: applied.imputedByColumn, warnings },
  };
}

export interface ApplyPreprocessingResult {
  matrix: Matrix;
  rowIndices: Int32Array;
  /** Rows left out for a missing (or unknown-category) value under "drop". */
  droppedRows: number;
  imputedByColumn: Record<string, number>;
  /** Values of categories the solution did not know, treated as missing. */
  unknownCategories: Record<string, number>;
}

/**
 * Runs saved preprocessing on new rows (a later wave, new respondents), with the saved means, sds
 * and categories, so the rows land in the solution's space. Columns are matched by id; extra
 * columns are ignored.
 */
export function applyPreprocessing(spec: PreprocessingSpec, columns: readonly AnalysisColumnInput[]): ApplyPreprocessingResult {
  const rows = checkColumns(columns);
  const byId = new Map(columns.map((c) => [c.id, c]));
  const unknownCategories: Record<string, number> = {};
  // Unknown categories become missing values; the rest of the rules then apply unchanged.
  const ordered = spec.columns.map((columnSpec): AnalysisColumnInput => {
    const column = byId.get(columnSpec.id);
    if (!column) throw new Error(`The new data lacks the basis variable "${columnSpec.id}"`);
    if (column.kind !== columnSpec.kind) throw new Error(`Basis variable "${columnSpec.id}" was ${columnSpec.kind}, now ${column.kind}`);
    if (columnSpec.kind === "categorical") {
      let unknown = 0;
      const values = (column as CategoricalColumnInput).values.map((v) => {
        if (isMissing(v) || columnSpec.categories.includes(v as CategoryValue)) return v;
        unknown++;
        return null;
      });
      unknownCategories[columnSpec.id] = unknown;
      return { id: column.id, kind: "categorical", values };
    }
    return column;
  });
  const kept: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (spec.missing === "drop" && ordered.some((c) => isMissing(c.values[i]))) continue;
    kept.push(i);
  }
  const { matrix, imputedByColumn } = transform(spec, ordered, kept);
  return { matrix, rowIndices: Int32Array.from(kept), droppedRows: rows - kept.length, imputedByColumn, unknownCategories };
}

function transform(
  spec: PreprocessingSpec,
  columns: readonly AnalysisColumnInput[],
  kept: readonly number[],
): { matrix: Matrix; variables: AnalysisVariable[]; imputedByColumn: Record<string, number> } {
  const variables: AnalysisVariable[] = [];
  for (const c of spec.columns) {
    if (c.kind === "numeric") variables.push({ columnId: c.id, kind: "numeric" });
    else for (const category of c.categories) variables.push({ columnId: c.id, kind: "category", category });
  }
  const cols = variables.length;
  const data = new Float64Array(kept.length * cols);
  const imputedByColumn: Record<string, number> = {};
  let offset = 0;
  spec.columns.forEach((c, ci) => {
    const values = columns[ci].values;
    let imputed = 0;
    kept.forEach((i, r) => {
      let value = values[i];
      if (isMissing(value)) {
        value = c.imputeValue;
        imputed++;
      }
      if (c.kind === "numeric") {
        const x = value as number;
        // A constant column has sd 0: its z-score is 0 for everyone rather than NaN.
        data[r * cols + offset] = c.scaling === "standardise" ? (c.sd > 0 ? (x - c.mean) / c.sd : 0) : x;
      } else {
        data[r * cols + offset + c.categories.indexOf(value as CategoryValue)] = 1;
      }
    });
    imputedByColumn[c.id] = imputed;
    offset += c.kind === "numeric" ? 1 : c.categories.length;
  });
  return { matrix: { data, rows: kept.length, cols }, variables, imputedByColumn };
}
