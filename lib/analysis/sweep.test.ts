import { describe, expect, it } from "vitest";
import { gaussianBlobs, uniformNoise } from "./fixtures/synthetic";
import { fitKMeansWithRestarts } from "./kmeans-restarts";
import { SweepCancelledError, runSweep, type SweepProgress } from "./sweep";
import { bootstrapPair } from "./sweep-tasks";

// Four well separated groups: only k = 4 recovers the same partition from every resample.
const blobs = gaussianBlobs(11, [[0, 0], [6, 0], [0, 6], [6, 6]], 40, 0.7);

describe("runSweep", () => {
  const result = runSweep(blobs, { kMin: 2, kMax: 6, restarts: 5, bootstraps: 20, seed: 3 });

  it("reports one best solution per k with falling within-SS", () => {
    expect(result.perK.map((p) => p.k)).toEqual([2, 3, 4, 5, 6]);
    for (let i = 1; i < result.perK.length; i++) {
      expect(result.perK[i].totalWithinSS).toBeLessThan(result.perK[i - 1].totalWithinSS);
    }
    const four = result.perK[2];
    expect(four.solution.sizes).toEqual(Int32Array.from([40, 40, 40, 40]));
    // Same best within-SS as an independent restart run finds.
    const direct = fitKMeansWithRestarts(blobs, { k: 4, restarts: 20, seed: 99 });
    expect(four.totalWithinSS).toBeCloseTo(direct.totalWithinSS, 8);
    expect(Math.max(...result.perK.map((p) => p.silhouette))).toBe(four.silhouette);
  });

  it("finds k = 4 globally stable and the other k less so", () => {
    const medians = result.perK.map((p) => p.stability!.ariSummary.median);
    expect(medians[2]).toBeGreaterThan(0.99);
    expect(medians[3]).toBeLessThan(0.95);
    expect(medians[4]).toBeLessThan(0.95);
    expect(result.perK[2].stability!.ari).toHaveLength(20);
    const s = result.perK[3].stability!.ariSummary;
    expect(s.min).toBeLessThanOrEqual(s.q1);
    expect(s.q1).toBeLessThanOrEqual(s.median);
    expect(s.median).toBeLessThanOrEqual(s.q3);
    expect(s.q3).toBeLessThanOrEqual(s.max);
  });

  it("gives segment-level Jaccard per segment: all high at k = 4, some low at k = 5", () => {
    const four = result.perK[2].stability!.segments;
    expect(four).toHaveLength(4);
    for (const segment of four) {
      expect(segment.jaccard.median).toBeGreaterThan(0.95);
      expect(segment.dissolvedShare).toBe(0);
      expect(segment.jaccard.count).toBe(40); // two resamples per bootstrap pair
    }
    const five = result.perK[3].stability!.segments;
    expect(Math.min(...five.map((s) => s.jaccard.mean))).toBeLessThan(0.75);
  });

  it("is reproducible from its seed, and more bootstraps leave the fits unchanged", () => {
    const again = runSweep(blobs, { kMin: 2, kMax: 6, restarts: 5, bootstraps: 20, seed: 3 });
    expect(again).toEqual(result);
    const fewer = runSweep(blobs, { kMin: 2, kMax: 6, restarts: 5, bootstraps: 0, seed: 3 });
    expect(fewer.perK.map((p) => p.totalWithinSS)).toEqual(result.perK.map((p) => p.totalWithinSS));
    expect(fewer.perK.map((p) => p.silhouette)).toEqual(result.perK.map((p) => p.silhouette));
    expect(fewer.perK[0].stability).toBeNull();
    const other = runSweep(blobs, { kMin: 2, kMax: 6, restarts: 5, bootstraps: 20, seed: 4 });
    expect(other.perK[3].stability!.ari).not.toEqual(result.perK[3].stability!.ari);
  });

  it("reports progress once per k and once per k and bootstrap pair", () => {
    const seen: SweepProgress[] = [];
    runSweep(blobs, { kMin: 2, kMax: 3, restarts: 2, bootstraps: 3 }, { onProgress: (p) => seen.push(p) });
    expect(seen).toHaveLength(2 + 2 * 3);
    expect(seen.map((p) => p.completed)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(seen.every((p) => p.total === 8)).toBe(true);
    expect(seen.slice(0, 2).map((p) => [p.phase, p.k])).toEqual([["fit", 2], ["fit", 3]]);
    expect(seen[2]).toEqual({ phase: "stability", k: 2, bootstrap: 0, completed: 3, total: 8 });
  });

  it("stops when cancelled, through a signal or a polled check", () => {
    const controller = new AbortController();
    expect(() =>
      runSweep(blobs, { bootstraps: 5 }, { signal: controller.signal, onProgress: (p) => p.completed === 3 && controller.abort(new Error("stop now")) }),
    ).toThrow("stop now");
    let calls = 0;
    expect(() => runSweep(blobs, { bootstraps: 5 }, { shouldCancel: () => ++calls > 4 })).toThrow(SweepCancelledError);
    expect(calls).toBe(5);
  });

  it("rejects settings that cannot work, with the reason", () => {
    expect(() => runSweep(blobs, { kMin: 1 })).toThrow(/at least 2/);
    expect(() => runSweep(blobs, { kMin: 5, kMax: 3 })).toThrow(/kMax must be an integer ≥ 5/);
    expect(() => runSweep(blobs, { restarts: 0 })).toThrow(/restarts must be an integer ≥ 1/);
    expect(() => runSweep(blobs, { bootstraps: -1 })).toThrow(/bootstraps must be an integer ≥ 0/);
    expect(() => runSweep(uniformNoise(1, 4, 2), { kMin: 2, kMax: 4 })).toThrow(/needs more than 4 respondents/);
  });
});

describe("bootstrapPair", () => {
  it("draws n rows with replacement, twice, the same for a given seed and pair number", () => {
    const [a, b] = bootstrapPair(50, 7, 2);
    expect(a).toHaveLength(50);
    expect(b).toHaveLength(50);
    expect(a).not.toEqual(b);
    expect(new Set(a).size).toBeLessThan(50); // with replacement: duplicates are all but certain
    expect(Math.max(...a)).toBeLessThan(50);
    expect(bootstrapPair(50, 7, 2)).toEqual([a, b]);
    expect(bootstrapPair(50, 7, 3)[0]).not.toEqual(a);
  });
});
