import { describe, expect, it } from "vitest";
import { quintileScores } from "./scoring";

describe("quintileScores", () => {
  it("splits ten distinct values into five pairs", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quintileScores(values, { method: "lower" })).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintileScores(values, { method: "upper" })).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("gives identical values identical scores: lower bucket vs upper bucket", () => {
    // Frequency-like data: half the customers bought once.
    const values = [1, 1, 1, 1, 1, 2, 2, 3, 5, 9];
    expect(quintileScores(values, { method: "lower" })).toEqual([1, 1, 1, 1, 1, 3, 3, 4, 5, 5]);
    expect(quintileScores(values, { method: "upper" })).toEqual([3, 3, 3, 3, 3, 4, 4, 4, 5, 5]);
  });

  it("is independent of input order", () => {
    const values = [9, 1, 2, 1, 5, 1, 3, 1, 2, 1];
    const sorted = [...values].sort((a, b) => a - b);
    const byValue = new Map(sorted.map((v, i) => [v, quintileScores(sorted, { method: "lower" })[i]]));
    expect(quintileScores(values, { method: "lower" })).toEqual(values.map((v) => byValue.get(v)));
  });

  it("reverses recency: fewest days scores 5, ties shared", () => {
    const days = [1, 1, 10, 30, 30, 30, 200, 365];
    // Ordered from most days to fewest: 365 (rank 1), 200 (2), 30×3 (3), 10 (6), 1×2 (7) → 1 + ⌊5·(rank−1)/7⌋
    expect(quintileScores(days, { method: "lower", reverse: true })).toEqual([5, 5, 4, 2, 2, 2, 1, 1]);
  });

  it("handles one value and all-equal values", () => {
    expect(quintileScores([42], { method: "lower" })).toEqual([1]);
    expect(quintileScores([42], { method: "upper" })).toEqual([5]);
    expect(quintileScores([3, 3, 3], { method: "lower" })).toEqual([1, 1, 1]);
    expect(quintileScores([3, 3, 3], { method: "upper" })).toEqual([5, 5, 5]);
    expect(quintileScores([], { method: "lower" })).toEqual([]);
  });

  it("never leaves 1..5 and every score is used when values are distinct", () => {
    const values = Array.from({ length: 101 }, (_, i) => i * 0.37);
    const scores = quintileScores(values, { method: "lower" });
    expect(new Set(scores)).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(scores.filter((s) => s === 5)).toHaveLength(21);
  });
});
