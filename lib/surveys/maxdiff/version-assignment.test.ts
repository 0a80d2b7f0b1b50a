import { describe, expect, it } from "vitest";
import { maxDiffVersionForKey } from "./version-assignment";

describe("maxDiffVersionForKey", () => {
  it("gives the same key the same version", () => {
    expect(maxDiffVersionForKey("respondent-42", 10)).toBe(maxDiffVersionForKey("respondent-42", 10));
    expect(maxDiffVersionForKey("anything", 1)).toBe(0);
  });

  it("spreads sequential keys evenly over the versions", () => {
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) counts[maxDiffVersionForKey(`key-${i}`, 10)] += 1;
    // Binomial(20000, 0.1): sd ≈ 42, so ±200 is beyond 4.5 sd.
    for (const count of counts) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it("rejects a version count that is not a positive integer", () => {
    expect(() => maxDiffVersionForKey("k", 0)).toThrow(/positive integer/);
    expect(() => maxDiffVersionForKey("k", 2.5)).toThrow(/positive integer/);
  });
});
