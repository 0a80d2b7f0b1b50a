import { describe, expect, it } from "vitest";
import { defaultSegmentName, summarizeSegmentation } from "./profile-summary";

const variables = [
  { id: "q.a", label: "A" },
  { id: "q.b", label: "B" },
  { id: "q.c", label: "C" },
];

describe("summarizeSegmentation", () => {
  const summary = summarizeSegmentation({
    seed: 1,
    restarts: 10,
    respondentCount: 200,
    withinSS: 12.5,
    variables,
    totalMeans: [3, 3, 0.4],
    segments: [
      { name: "Segment 1", size: 150, means: [3.2, 2.75, 0.2] },
      { name: "Segment 2", size: 50, means: [2.4, 3.75, 1] },
    ],
  });

  it("computes shares and differences against the total mean", () => {
    expect(summary.k).toBe(2);
    expect(summary.segments.map((s) => s.share)).toEqual([0.75, 0.25]);
    expect(summary.segments[0]!.differences[0]).toBeCloseTo(0.2);
    expect(summary.segments[1]!.differences[1]).toBeCloseTo(0.75);
  });

  it("marks differences of at least 0.25 absolute or 50 % relative", () => {
    // 0.2 below 0.25 absolute and 7 % relative: unmarked; exactly 0.25: marked; 0.2 of 0.4 is 50 %: marked.
    expect(summary.segments[0]!.marked).toEqual([false, true, true]);
    expect(summary.segments[1]!.marked).toEqual([true, true, true]);
  });

  it("warns below 100 respondents per basis variable", () => {
    expect(summary.sampleSize).toEqual({ recommendedMinimum: 300, belowRecommendation: true });
    const large = summarizeSegmentation({ ...summary, respondentCount: 300, segments: [] });
    expect(large.sampleSize.belowRecommendation).toBe(false);
  });

  it("numbers default segment names from 1", () => {
    expect(defaultSegmentName(0)).toBe("Segment 1");
    expect(defaultSegmentName(7)).toBe("Segment 8");
  });
});
