import { describe, expect, it } from "vitest";
import { ariFromTable } from "./compare-solutions";
import { sizesOverTime } from "./sizes-over-time";

describe("ariFromTable", () => {
  it("is 1 for the same partition under other labels, and the Hubert–Arabie value otherwise", () => {
    expect(ariFromTable([[0, 5], [7, 0]])).toBe(1);
    // Labels [0,0,0,1,1,1] vs [0,0,1,1,2,2]: Hubert & Arabie's formula, computed by hand in Python, gives 0.24242424242424246.
    expect(ariFromTable([[2, 1, 0], [0, 1, 2]])).toBeCloseTo(0.24242424242424246, 12);
    expect(ariFromTable([[1]])).toBeNull();
  });
});

describe("sizesOverTime", () => {
  it("puts counts per month and segment, and the later ones apart", () => {
    const sizes = sizesOverTime(
      [
        { month: "2026-02", position: 1, later: true, count: 4 },
        { month: "2026-01", position: 0, later: false, count: 10 },
        { month: "2026-02", position: 1, later: false, count: 1 },
        { month: "2026-01", position: 1, later: false, count: 8 },
      ],
      2,
    );
    expect(sizes).toEqual({ months: ["2026-01", "2026-02"], counts: [[10, 8], [0, 5]], later: [[0, 0], [0, 4]] });
  });
});
