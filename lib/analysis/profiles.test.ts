import { describe, expect, it } from "vitest";
import { matrixFromRows } from "./matrix";
import { isMarker, segmentProfiles } from "./profiles";

describe("isMarker (Dolnicar et al. rule)", () => {
  it("marks absolute differences of at least 0.25", () => {
    expect(isMarker(0.75, 0.5)).toBe(true);
    expect(isMarker(0.35, 0.1)).toBe(true); // 0.25 up to binary rounding
    expect(isMarker(0.74, 0.5)).toBe(false);
    expect(isMarker(3.2, 3.5)).toBe(true);
  });

  it("marks relative differences of at least 50 % of the total mean", () => {
    expect(isMarker(0.16, 0.1)).toBe(true); // +60 %
    expect(isMarker(0.15, 0.1)).toBe(true); // +50 %
    expect(isMarker(0.14, 0.1)).toBe(false); // +40 %, 0.04 absolute
    expect(isMarker(0.04, 0.1)).toBe(true); // −60 %
    expect(isMarker(-0.08, -0.2)).toBe(true); // 60 % of |−0.2|
  });

  it("uses only the absolute rule when the total mean is 0", () => {
    expect(isMarker(0.1, 0)).toBe(false);
    expect(isMarker(0.3, 0)).toBe(true);
  });
});

describe("segmentProfiles", () => {
  // Hand-worked: total means [3/6, 2/6, 24/6] = [0.5, 0.333…, 4].
  const m = matrixFromRows([
    [1, 0, 5],
    [0, 1, 4],
    [1, 0, 3],
    [0, 1, 4],
    [1, 0, 4],
    [0, 0, 4],
  ]);
  const assignments = [0, 1, 0, 1, 1, 1];

  it("computes sizes, shares, means, differences and marks", () => {
    const { totalMeans, segments } = segmentProfiles(m, assignments, 2);
    expect(totalMeans[0]).toBe(0.5);
    expect(totalMeans[1]).toBeCloseTo(1 / 3, 15);
    expect(totalMeans[2]).toBe(4);

    expect(segments[0]).toMatchObject({ segment: 0, size: 2, means: [1, 0, 4] });
    expect(segments[0].share).toBeCloseTo(1 / 3, 15);
    expect(segments[0].differences[0]).toBe(0.5);
    expect(segments[0].differences[1]).toBeCloseTo(-1 / 3, 15);
    // +0.5 absolute; −100 % relative; unchanged.
    expect(segments[0].marked).toEqual([true, true, false]);

    expect(segments[1]).toMatchObject({ segment: 1, size: 4, means: [0.25, 0.5, 4] });
    expect(segments[1].share).toBeCloseTo(2 / 3, 15);
    // −0.25 exactly at the absolute limit; +0.1667 is +50 % of 0.333, at the relative limit.
    expect(segments[1].marked).toEqual([true, true, false]);
  });

  it("reports an empty segment with NaN means and no marks", () => {
    const { segments } = segmentProfiles(m, assignments, 3);
    expect(segments[2].size).toBe(0);
    expect(segments[2].share).toBe(0);
    expect(segments[2].means.every(Number.isNaN)).toBe(true);
    expect(segments[2].marked).toEqual([false, false, false]);
  });

  it("accepts typed-array assignments and rejects bad ones", () => {
    expect(segmentProfiles(m, Int32Array.from(assignments), 2).segments[1].size).toBe(4);
    expect(() => segmentProfiles(m, [0, 1], 2)).toThrow("Got 2 assignments for 6 rows");
    expect(() => segmentProfiles(m, [0, 1, 0, 1, 1, 2], 2)).toThrow("Assignment 2 of row 5 is outside 0..1");
    expect(() => segmentProfiles(m, assignments, 0)).toThrow("positive integer");
  });
});
