import { describe, expect, it } from "vitest";
import { assignToCentroids, compareSolutions } from "./compare";
import { matrixFromRows } from "./matrix";

describe("assignToCentroids", () => {
  it("puts each row at its nearest centroid with the distance, ties to the lower segment", () => {
    const centroids = matrixFromRows([[0, 0], [4, 0]]);
    const rows = matrixFromRows([[1, 0], [3, 0], [2, 0], [4, 3]]);
    const result = assignToCentroids(rows, centroids);
    expect(Array.from(result.assignments)).toEqual([0, 1, 0, 1]);
    expect(Array.from(result.distances)).toEqual([1, 1, 2, 3]);
    expect(Array.from(result.sizes)).toEqual([2, 2]);
  });

  it("refuses data with other variables than the solution", () => {
    expect(() => assignToCentroids(matrixFromRows([[1, 2, 3]]), matrixFromRows([[0, 0]]))).toThrow(/2 variables but the data has 3/);
  });
});

describe("compareSolutions", () => {
  it("cross-tabulates two solutions and gives their adjusted Rand index", () => {
    const result = compareSolutions([0, 0, 1, 1, 2, 2], [1, 1, 0, 0, 0, 2]);
    expect(result.crossTab).toEqual([[0, 2, 0], [2, 0, 0], [1, 0, 1]]);
    expect(result.rowTotals).toEqual([2, 2, 2]);
    expect(result.columnTotals).toEqual([3, 2, 1]);
    // Hand count: pairs together in both 2, in the first 3, in the second 4; expected 3·4/15 = 0.8, max 3.5.
    expect(result.adjustedRandIndex).toBeCloseTo((2 - 0.8) / (3.5 - 0.8), 12);
    expect(compareSolutions([0, 1, 1], [2, 0, 0], { firstK: 3, secondK: 4 }).crossTab).toEqual([
      [0, 0, 1, 0],
      [2, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it("rejects solutions of different respondents or impossible labels", () => {
    expect(() => compareSolutions([0, 1], [0])).toThrow(/different numbers of respondents: 2 and 1/);
    expect(() => compareSolutions([0, -1], [0, 0])).toThrow(/Segment -1 of respondent 1 in the first solution/);
    expect(() => compareSolutions([0, 3], [0, 0], { firstK: 2 })).toThrow(/has segment 3 but only 2 segments/);
  });
});
