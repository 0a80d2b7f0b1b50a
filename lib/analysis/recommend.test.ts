import { describe, expect, it } from "vitest";
import { gaussianBlobs } from "./fixtures/synthetic";
import { describeRecommendation, recommendK, stabilityLevel, withinSSElbow } from "./recommend";
import { runSweep, summariseSweep } from "./sweep";
import { boxSummary } from "./summary";

function point(k: number, totalWithinSS: number, silhouette: number, ari: number[] | null, jaccardMeans: number[] = []) {
  return {
    k,
    totalWithinSS,
    silhouette,
    stability: ari && {
      ari,
      ariSummary: boxSummary(ari),
      segments: jaccardMeans.map((m, segment) => ({ segment, jaccard: boxSummary([m]), dissolvedShare: 0 })),
    },
  };
}

describe("withinSSElbow", () => {
  it("finds the bend of a scree and needs three points", () => {
    const scree = [100, 60, 25, 22, 20, 18].map((w, i) => ({ k: i + 2, totalWithinSS: w }));
    expect(withinSSElbow(scree)).toBe(4);
    expect(withinSSElbow(scree.slice(0, 2))).toBeNull();
    expect(withinSSElbow([10, 10, 10].map((w, i) => ({ k: i + 2, totalWithinSS: w })))).toBeNull();
  });
});

describe("recommendK", () => {
  it("takes stability first: a less stable elbow loses to stable candidates", () => {
    const rec = recommendK([
      point(2, 100, 0.3, [0.95, 0.97, 0.96]),
      point(3, 70, 0.35, [0.93, 0.94, 0.95]),
      point(4, 40, 0.4, [0.6, 0.7, 0.65]),
      point(5, 37, 0.38, [0.5, 0.55, 0.6]),
    ]);
    expect(rec.candidates).toEqual([2, 3]);
    expect(rec.elbowK).toBe(4);
    expect(rec.k).toBe(3); // higher silhouette than k = 2 among the stable
    expect(rec.reasons).toEqual([
      { code: "near-most-stable", medianAri: 0.94, level: "excellent", mostStableK: 2, mostStableMedianAri: 0.96 },
      { code: "elbow-elsewhere", elbowK: 4 },
      { code: "silhouette", silhouette: 0.35, bestSilhouetteK: 4, bestSilhouette: 0.4 },
    ]);
    expect(describeRecommendation(rec)).toBe(
      "k = 3: excellent stability (median ARI 0.94), close to the most stable k = 2 (0.96); the within-cluster sum of squares bends at k = 4, which is less stable; silhouette 0.35 (highest: 0.40 at k = 4).",
    );
  });

  it("prefers the elbow among stable candidates and names unstable segments", () => {
    const rec = recommendK([
      point(2, 100, 0.3, [0.85]),
      point(3, 50, 0.25, [0.84], [0.9, 0.55, 0.8]),
      point(4, 45, 0.2, [0.5]),
    ]);
    expect(rec.k).toBe(3);
    expect(rec.reasons).toContainEqual({ code: "elbow" });
    expect(rec.reasons).toContainEqual({ code: "unstable-segments", segments: [{ segment: 1, meanJaccard: 0.55 }] });
    expect(describeRecommendation(rec)).toContain("segment 2 (Jaccard 0.55) often changes between resamples");
  });

  it("warns when no k is stable and works without bootstraps", () => {
    const poor = recommendK([point(2, 10, 0.1, [0.4]), point(3, 8, 0.12, [0.5])]);
    expect(poor.reasons).toContainEqual({ code: "no-stable-solution", bestMedianAri: 0.5 });
    const unmeasured = recommendK([point(2, 100, 0.3, null), point(3, 40, 0.2, null), point(4, 35, 0.25, null)]);
    expect(unmeasured.k).toBe(3);
    expect(unmeasured.medianAri).toBeNaN();
    expect(unmeasured.reasons[0]).toEqual({ code: "stability-not-measured" });
  });

  it("recommends the true number of groups on a real sweep", () => {
    const blobs = gaussianBlobs(2, [[0, 0], [5, 0], [0, 5]], 50, 0.8);
    const sweep = runSweep(blobs, { kMax: 6, restarts: 4, bootstraps: 10 });
    const rec = recommendK(sweep.perK);
    expect(rec.k).toBe(3);
    // The stored JSON summary gives the same recommendation.
    const stored = JSON.parse(JSON.stringify(summariseSweep(sweep)));
    expect(stored.perK[1].sizes).toEqual([50, 50, 50]);
    expect(recommendK(stored.perK)).toEqual(rec);
    expect(rec.reasons[0]).toMatchObject({ code: "most-stable", level: "excellent" });
  });

  it("labels stability with Steinley's bands", () => {
    expect([0.95, 0.85, 0.7, 0.3].map(stabilityLevel)).toEqual(["excellent", "good", "moderate", "poor"]);
  });
});
