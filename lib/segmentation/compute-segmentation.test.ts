import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/analysis";
import { AppError } from "@/lib/errors";
import { buildBasisMatrix } from "./build-basis-matrix";
import { computeSegmentation } from "./compute-segmentation";

/** Two groups on a 1–5 scale: 60 who agree with the first two statements, 40 with the last two. */
function twoGroups() {
  const random = createRandom(7);
  const jitter = () => Math.round(random() * 1); // 0 or 1
  const values: number[][] = [];
  for (let i = 0; i < 60; i++) values.push([4 + jitter(), 4 + jitter(), 1 + jitter(), 1 + jitter()]);
  for (let i = 0; i < 40; i++) values.push([1 + jitter(), 1 + jitter(), 4 + jitter(), 4 + jitter()]);
  return buildBasisMatrix("q", {
    responseIds: values.map((_, i) => `r${i}`),
    rowIds: ["a", "b", "c", "d"],
    rowLabels: ["A", "B", "C", "D"],
    values,
  });
}

describe("computeSegmentation", () => {
  it("recovers two separated groups, largest first, with marked profiles", () => {
    const { summary, assignments, centroids } = computeSegmentation(twoGroups(), { k: 2, restarts: 5, seed: 1 });
    expect(summary.segments.map((s) => s.size)).toEqual([60, 40]);
    expect(Array.from(assignments.slice(0, 60)).every((a) => a === 0)).toBe(true);
    expect(Array.from(assignments.slice(60)).every((a) => a === 1)).toBe(true);
    expect(summary.segments.map((s) => s.name)).toEqual(["Segment 1", "Segment 2"]);
    expect(summary.segments[0]!.marked).toEqual([true, true, true, true]);
    expect(centroids).toHaveLength(2);
    expect(centroids[0]![0]).toBeCloseTo(summary.segments[0]!.means[0]!);
    expect(summary.withinSS).toBeGreaterThan(0);
    expect(summary.sampleSize).toEqual({ recommendedMinimum: 400, belowRecommendation: true });
  });

  it("gives the same result for the same seed", () => {
    const a = computeSegmentation(twoGroups(), { k: 3, restarts: 3, seed: 42 });
    const b = computeSegmentation(twoGroups(), { k: 3, restarts: 3, seed: 42 });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(a.summary.withinSS).toBe(b.summary.withinSS);
  });

  it("rejects more segments than responses or distinct answer patterns", () => {
    const tiny = buildBasisMatrix("q", { responseIds: ["r1", "r2"], rowIds: ["a"], rowLabels: ["A"], values: [[1], [2]] });
    expect(() => computeSegmentation(tiny, { k: 3, restarts: 1, seed: 1 })).toThrow(AppError);
    const same = buildBasisMatrix("q", { responseIds: ["r1", "r2", "r3"], rowIds: ["a"], rowLabels: ["A"], values: [[1], [1], [2]] });
    expect(() => computeSegmentation(same, { k: 3, restarts: 1, seed: 1 })).toThrow(/distinct/);
  });
});
