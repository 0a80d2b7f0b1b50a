import { describe, expect, it } from "vitest";
import { matrixToRows } from "./matrix";
import { applyPreprocessing, preprocess, type AnalysisColumnInput } from "./preprocess";

const columns: AnalysisColumnInput[] = [
  { id: "price", kind: "numeric", values: [1, 2, null, 4, 5] },
  { id: "channel", kind: "categorical", values: ["web", "shop", "web", undefined, "app"] },
  { id: "nps", kind: "numeric", values: [10, 8, 6, 9, NaN], scaling: "raw" },
];

describe("preprocess", () => {
  it("drops rows with a missing value, one-hot encodes categories and reports counts", () => {
    const result = preprocess(columns);
    expect(Array.from(result.rowIndices)).toEqual([0, 1]);
    expect(result.variables).toEqual([
      { columnId: "price", kind: "numeric" },
      { columnId: "channel", kind: "category", category: "shop" },
      { columnId: "channel", kind: "category", category: "web" },
      { columnId: "nps", kind: "numeric" },
    ]);
    expect(matrixToRows(result.matrix)).toEqual([
      [1, 0, 1, 10],
      [2, 1, 0, 8],
    ]);
    expect(result.report).toMatchObject({ inputRows: 5, excludedRows: 0, droppedRows: 3, usedRows: 2 });
    expect(result.report.missingByColumn).toEqual({ price: 1, channel: 1, nps: 1 });
  });

  it("imputes the mean and the most frequent category, from observed values only", () => {
    const result = preprocess(columns, { missing: "impute" });
    expect(result.report.usedRows).toBe(5);
    expect(result.report.imputedByColumn).toEqual({ price: 1, channel: 1, nps: 1 });
    const rows = matrixToRows(result.matrix);
    expect(rows[2][0]).toBe(3); // mean of 1, 2, 4, 5
    expect(rows[3].slice(1, 4)).toEqual([0, 0, 1]); // mode "web"
    expect(rows[4][4]).toBe(8.25);
    expect(result.variables.map((v) => v.category ?? v.columnId)).toEqual(["price", "app", "shop", "web", "nps"]);
  });

  it("standardises with the sample sd by default and the population sd on request", () => {
    const values = [1, 2, 3, 4];
    const sample = preprocess([{ id: "x", kind: "numeric", values }], { scaling: "standardise" });
    const sampleSd = Math.sqrt(5 / 3);
    expect(Array.from(sample.matrix.data)).toEqual(values.map((v) => (v - 2.5) / sampleSd));
    expect(sample.spec.columns[0]).toMatchObject({ mean: 2.5, sd: sampleSd });
    const population = preprocess([{ id: "x", kind: "numeric", values }], { scaling: "standardise", standardDeviation: "population" });
    expect(population.matrix.data[0]).toBeCloseTo(-1.5 / Math.sqrt(1.25), 14);
  });

  it("excludes flagged rows before anything else and keeps category order and unseen categories", () => {
    const result = preprocess(
      [{ id: "c", kind: "categorical", values: [3, 1, 1, 2], categories: [1, 2, 3, 4] }],
      { excludeRows: [0] },
    );
    expect(result.report.excludedRows).toBe(1);
    expect(Array.from(result.rowIndices)).toEqual([1, 2, 3]);
    expect(matrixToRows(result.matrix)).toEqual([[1, 0, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0]]);
    expect(result.report.warnings).toContainEqual({ code: "constant-variable", columnId: "c", category: 3 });
  });

  it("warns when n < 100 × variables and when a variable does not vary", () => {
    const result = preprocess([{ id: "x", kind: "numeric", values: [2, 2, 2] }], { scaling: "standardise" });
    expect(result.report.warnings).toEqual([
      { code: "small-sample", rows: 3, variables: 1, recommendedMinimum: 100 },
      { code: "constant-variable", columnId: "x" },
    ]);
    expect(Array.from(result.matrix.data)).toEqual([0, 0, 0]);
    const big = preprocess([{ id: "x", kind: "numeric", values: Array.from({ length: 100 }, (_, i) => i) }]);
    expect(big.report.warnings).toEqual([]);
  });

  it("rejects bad input with a message naming the variable", () => {
    expect(() => preprocess([])).toThrow(/at least one basis variable/);
    expect(() => preprocess([{ id: "a", kind: "numeric", values: [1] }, { id: "a", kind: "numeric", values: [1] }])).toThrow(/"a" is listed twice/);
    expect(() => preprocess([{ id: "a", kind: "numeric", values: [1, 2] }, { id: "b", kind: "numeric", values: [1] }])).toThrow(/"b" has 1 values, "a" has 2/);
    expect(() => preprocess([{ id: "a", kind: "numeric", values: [1, "2" as unknown as number] }])).toThrow(/"a", row 1: "2" is not a finite number/);
    expect(() => preprocess([{ id: "a", kind: "numeric", values: [null, 1] }, { id: "b", kind: "numeric", values: [1, null] }])).toThrow(/No respondents left.*try imputing/);
    expect(() => preprocess([{ id: "c", kind: "categorical", values: ["x"], categories: ["y"] }])).toThrow(/value "x", which is not one of its categories/);
  });
});

describe("applyPreprocessing", () => {
  it("reproduces the analysis matrix from the saved spec, whatever the new rows' statistics", () => {
    const first = preprocess(columns, { missing: "impute", scaling: "standardise" });
    const again = applyPreprocessing(JSON.parse(JSON.stringify(first.spec)), columns);
    expect(again.matrix).toEqual(first.matrix);
    const wave = applyPreprocessing(first.spec, [
      { id: "nps", kind: "numeric", values: [7] },
      { id: "channel", kind: "categorical", values: ["fax"] },
      { id: "price", kind: "numeric", values: [3] },
    ]);
    expect(wave.unknownCategories).toEqual({ channel: 1 });
    expect(wave.imputedByColumn).toEqual({ price: 0, channel: 1, nps: 0 });
    // price z-score (3 − 3) / sd = 0; channel imputed to "web"; nps stays raw.
    expect(matrixToRows(wave.matrix)).toEqual([[0, 0, 0, 1, 7]]);
  });

  it("drops incomplete new rows under the drop rule and refuses data without a basis variable", () => {
    const spec = preprocess(columns).spec;
    const result = applyPreprocessing(spec, [
      { id: "price", kind: "numeric", values: [1, null] },
      { id: "channel", kind: "categorical", values: ["web", "web"] },
      { id: "nps", kind: "numeric", values: [5, 5] },
    ]);
    expect(result.droppedRows).toBe(1);
    expect(Array.from(result.rowIndices)).toEqual([0]);
    expect(() => applyPreprocessing(spec, [{ id: "price", kind: "numeric", values: [1] }])).toThrow(/lacks the basis variable "channel"/);
  });
});
