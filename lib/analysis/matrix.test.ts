import { describe, expect, it } from "vitest";
import {
  columnMeans,
  columnVariances,
  createMatrix,
  matrixFromRows,
  matrixToRows,
  selectRows,
} from "./matrix";

describe("matrixFromRows", () => {
  it("stores rows in row-major order", () => {
    const m = matrixFromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(3);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(matrixToRows(m)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it("rejects ragged rows, non-finite and non-numeric values, and empty input", () => {
    expect(() => matrixFromRows([[1, 2], [3]])).toThrow("Row 1 has 1 values, expected 2");
    expect(() => matrixFromRows([[1, Number.NaN]])).toThrow("row 0, column 1 is not a finite number");
    expect(() => matrixFromRows([[1], [Infinity]])).toThrow("row 1, column 0");
    expect(() => matrixFromRows([[1, "2" as unknown as number]])).toThrow('not a finite number ("2")');
    expect(() => matrixFromRows([])).toThrow("at least one row");
    expect(() => matrixFromRows([[]])).toThrow("at least one column");
  });
});

describe("createMatrix", () => {
  it("checks the buffer length and values", () => {
    expect(createMatrix(new Float64Array([1, 2, 3, 4]), 2, 2).cols).toBe(2);
    expect(() => createMatrix(new Float64Array(5), 2, 2)).toThrow("expected 2 × 2 = 4");
    expect(() => createMatrix(new Float64Array([0, 0, NaN, 0]), 2, 2)).toThrow("row 1, column 0");
    expect(() => createMatrix(new Float64Array(0), 0, 2)).toThrow("at least one row");
  });
});

describe("column statistics", () => {
  const m = matrixFromRows([
    [1, 10],
    [2, 10],
    [3, 40],
    [6, 20],
  ]);

  it("computes means and population variances", () => {
    expect(Array.from(columnMeans(m))).toEqual([3, 20]);
    // (4 + 1 + 0 + 9) / 4 and (100 + 100 + 400 + 0) / 4
    expect(Array.from(columnVariances(m))).toEqual([3.5, 150]);
  });

  it("selects rows in the given order, repeats allowed", () => {
    expect(matrixToRows(selectRows(m, [3, 0, 3]))).toEqual([
      [6, 20],
      [1, 10],
      [6, 20],
    ]);
    expect(() => selectRows(m, [4])).toThrow("outside 0..3");
  });
});
