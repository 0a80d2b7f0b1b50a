import { describe, expect, it } from "vitest";
import { basisRow, basisSpecOf } from "./basis-spec";

const variables = [
  { id: "motives.rest", label: "Rest" },
  { id: "satisfaction", label: "Satisfaction" },
];

describe("basisSpecOf", () => {
  it("reads a raw battery when the solution has no config", () => {
    const result = basisSpecOf({ method: "kmeans", variables, config: null });
    expect(result).toEqual({
      ok: true,
      spec: { sources: [{ questionId: "motives", rowId: "rest" }, { questionId: "satisfaction", rowId: null }], center: null, scale: null, excludeFlagged: false },
    });
  });

  it("reuses the stored standardisation", () => {
    const result = basisSpecOf({ method: "kmeans", variables, config: { excludeFlagged: true, standardization: { center: [3, 5], scale: [2, 0.5] } } });
    if (!result.ok) throw new Error(result.reason);
    expect(result.spec.excludeFlagged).toBe(true);
    expect(basisRow({ motives: { rest: 4 }, satisfaction: 6 }, result.spec)).toEqual([0.5, 2]);
  });

  it("refuses what it cannot rebuild from answers", () => {
    expect(basisSpecOf({ method: "rfm_segments", variables, config: null }).ok).toBe(false);
    expect(basisSpecOf({ method: "kmeans", variables: [{ id: "customer:monetary", label: "LTV" }], config: null }).ok).toBe(false);
    expect(basisSpecOf({ method: "kmeans", variables, config: { standardization: { center: [1], scale: [1, 1] } } }).ok).toBe(false);
    expect(basisSpecOf({ method: "kmeans", variables, config: { standardization: { center: [1, 1], scale: [1, 0] } } }).ok).toBe(false);
    // Preprocessing outside the contract is refused, never silently ignored.
    expect(basisSpecOf({ method: "kmeans", variables, config: { preprocessing: { scaling: "standardise", means: [1, 1] } } })).toEqual({
      ok: false,
      reason: 'The solution\'s preprocessing ("preprocessing.scaling") cannot be repeated on new answers here.',
    });
    expect(basisSpecOf({ method: "kmeans", variables, config: { standardize: true } }).ok).toBe(false);
    expect(basisSpecOf({ method: "kmeans", variables, config: { standardize: false, seed: 3, transform: "raw" } }).ok).toBe(true);
  });
});

describe("basisRow", () => {
  const spec = { sources: [{ questionId: "motives", rowId: "rest" }, { questionId: "satisfaction", rowId: null }], center: null, scale: null, excludeFlagged: false };

  it("returns null when any variable is missing", () => {
    expect(basisRow({ motives: { rest: 4 }, satisfaction: 2 }, spec)).toEqual([4, 2]);
    expect(basisRow({ motives: { rest: 4 } }, spec)).toBeNull();
    expect(basisRow({ motives: { culture: 4 }, satisfaction: 2 }, spec)).toBeNull();
    expect(basisRow({ motives: "x", satisfaction: 2 }, spec)).toBeNull();
  });
});
