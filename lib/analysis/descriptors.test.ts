import { describe, expect, it } from "vitest";
import { chiSquareTest, describeNumeric, kruskalWallis, oneWayAnova } from "./descriptors";
import { readScipyReference } from "./fixtures/load-fixtures";

const { descriptors } = readScipyReference();

function expectClose(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative + 1e-15);
}

describe.each(descriptors)("descriptor tests against SciPy: $name", (c) => {
  it("chi-square test of independence and Cramér's V", () => {
    const result = chiSquareTest(c.segments, c.categorical);
    expectClose(result.statistic, c.chiSquare.statistic);
    expect(result.df).toBe(c.chiSquare.df);
    expectClose(result.p, c.chiSquare.p);
    expectClose(result.cramersV, c.chiSquare.cramersV);
  });

  it("one-way ANOVA and eta squared", () => {
    const result = oneWayAnova(c.segments, c.numeric);
    expectClose(result.f, c.anova.f);
    expectClose(result.p, c.anova.p, 1e-8);
    expectClose(result.etaSquared, c.anova.etaSquared);
  });

  it("Kruskal–Wallis with tie correction and epsilon squared", () => {
    const result = kruskalWallis(c.segments, c.numeric);
    expectClose(result.h, c.kruskal.h);
    expectClose(result.p, c.kruskal.p, 1e-8);
    expectClose(result.epsilonSquared, c.kruskal.epsilonSquared);
  });
});

describe("descriptor edge cases", () => {
  it("builds the observed and expected table by hand-checkable counts", () => {
    const result = chiSquareTest([0, 0, 1, 1], ["x", "y", "x", "x"]);
    expect(result.segments).toEqual([0, 1]);
    expect(result.categories).toEqual(["x", "y"]);
    expect(result.observed).toEqual([[1, 1], [2, 0]]);
    expect(result.expected).toEqual([[1.5, 0.5], [1.5, 0.5]]);
    expect(result.lowExpectedShare).toBe(1);
  });

  it("leaves out and counts missing values", () => {
    const result = chiSquareTest([0, 0, 1, 1, 1], ["a", null, "b", undefined, "b"]);
    expect(result.n).toBe(3);
    expect(result.missing).toBe(2);
    const numeric = describeNumeric([0, 0, 1, 1, 1], [1, NaN, 3, null, 5]);
    expect(numeric.n).toBe(3);
    expect(numeric.missing).toBe(2);
    expect(numeric.groups).toEqual([
      { segment: 0, n: 1, mean: 1, sd: NaN, median: 1 },
      { segment: 1, n: 2, mean: 4, sd: Math.SQRT2, median: 4 },
    ]);
  });

  it("reports no p-value when there is nothing to test", () => {
    expect(chiSquareTest([0, 1, 1], ["a", "a", "a"]).p).toBeNaN();
    const flat = describeNumeric([0, 0, 1, 1], [2, 2, 2, 2]);
    expect(flat.anova.p).toBeNaN();
    expect(flat.kruskalWallis.p).toBeNaN();
  });

  it("rejects mismatched lengths and non-numeric numbers", () => {
    expect(() => chiSquareTest([0, 1], ["a"])).toThrow(/1 descriptor values for 2 segment assignments/);
    expect(() => describeNumeric([0, 1], [1, "x" as unknown as number])).toThrow(/row 1 is not a finite number/);
  });
});
