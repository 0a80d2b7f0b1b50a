import { describe, expect, it } from "vitest";
import { distinctiveVariables, isNotableDifference, variableDifferences } from "./distinctive-variables";

const variables = ["rest", "nature", "culture", "luxury", "sport", "family", "budget"].map((id) => ({ id, label: `${id} label` }));
const total = [0.5, 0.4, 0.3, 0.2, 0.3, 0.5, 0.6];

describe("distinctiveVariables", () => {
  it("returns the top 3 above and below the total mean, largest first", () => {
    const segment = [0.9, 0.9, 0.35, 0.1, 0.0, 0.5, 0.2];
    const { above, below } = distinctiveVariables(variables, segment, total);
    expect(above.map((d) => d.id)).toEqual(["nature", "rest", "culture"]);
    expect(below.map((d) => d.id)).toEqual(["budget", "sport", "luxury"]);
    expect(above[0]).toMatchObject({ segmentMean: 0.9, totalMean: 0.4, notable: true });
    expect(above[0]!.difference).toBeCloseTo(0.5, 12);
    expect(below[0]!.difference).toBeCloseTo(-0.4, 12);
  });

  it("leaves out variables equal to the total and honours the count", () => {
    const { above, below } = distinctiveVariables(variables, total, total, 3);
    expect(above).toEqual([]);
    expect(below).toEqual([]);
    const one = distinctiveVariables(variables, [1, 1, 1, 1, 1, 1, 0], total, 1);
    expect(one.above.map((d) => d.id)).toEqual(["luxury"]);
    expect(one.below.map((d) => d.id)).toEqual(["budget"]);
  });

  it("keeps the variables' order on ties and skips missing or non-finite means", () => {
    const segment = [0.75, 0.5, Number.NaN, 0.4];
    const { above } = distinctiveVariables(variables.slice(0, 4), segment, [0.5, 0.25, 0.3]);
    expect(above.map((d) => d.id)).toEqual(["rest", "nature"]);
    expect(variableDifferences(variables.slice(0, 2), [1], [0, 0])).toHaveLength(1);
  });
});

describe("isNotableDifference", () => {
  it("marks ≥ 0.25 absolute or ≥ 50 % relative differences", () => {
    expect(isNotableDifference(0.25, 3)).toBe(true);
    expect(isNotableDifference(-0.3, 3)).toBe(true);
    expect(isNotableDifference(0.1, 0.2)).toBe(true);
    expect(isNotableDifference(0.1, 3)).toBe(false);
    expect(isNotableDifference(0.1, 0)).toBe(false);
  });
});
