import { describe, expect, it } from "vitest";
import {
  SHARED_VACMOT_PATH,
  VACMOT_HEAD_PATH,
  hasSharedVacmot,
  readNumericCsv,
  readSklearnReference,
} from "./fixtures/load-fixtures";
import { gaussianBlobs } from "./fixtures/synthetic";
import { fitKMeans, type KMeansResult } from "./kmeans";
import { fitKMeansWithRestarts, orderSegments } from "./kmeans-restarts";
import { matrixFromRows } from "./matrix";
import { deriveSeed } from "./random";

const head = readNumericCsv(VACMOT_HEAD_PATH);

describe("fitKMeansWithRestarts", () => {
  it("gives identical results for the same seed", () => {
    const a = fitKMeansWithRestarts(head, { k: 4, seed: 123 });
    const b = fitKMeansWithRestarts(head, { k: 4, seed: 123 });
    expect(b).toEqual(a);
    expect(a.restarts).toBe(10);
    expect(a.restartWithinSS).toHaveLength(10);
  });

  it("keeps the best restart", () => {
    const result = fitKMeansWithRestarts(head, { k: 5, seed: 2, restarts: 12 });
    expect(result.totalWithinSS).toBe(Math.min(...result.restartWithinSS));
    expect(result.restartWithinSS[result.bestRestart]).toBe(result.totalWithinSS);
    const single = fitKMeans(head, { k: 5, seed: deriveSeed(2, result.bestRestart) });
    expect(single.totalWithinSS).toBe(result.totalWithinSS);
  });

  it("never gets worse with more restarts", () => {
    for (const k of [3, 4, 6, 8]) {
      let previous = Infinity;
      for (const restarts of [1, 3, 10, 25]) {
        const { totalWithinSS } = fitKMeansWithRestarts(head, { k, seed: 7, restarts });
        expect(totalWithinSS).toBeLessThanOrEqual(previous);
        previous = totalWithinSS;
      }
    }
  });

  it("returns consistent sizes, within-SS and segment order", () => {
    const result = fitKMeansWithRestarts(head, { k: 6, seed: 9 });
    const counted = new Array(6).fill(0);
    for (const s of result.assignments) counted[s]++;
    expect(Array.from(result.sizes)).toEqual(counted);
    for (let c = 1; c < 6; c++) expect(result.sizes[c]).toBeLessThanOrEqual(result.sizes[c - 1]);
    expect(result.withinSS.reduce((a, b) => a + b, 0)).toBeCloseTo(result.totalWithinSS, 9);
  });

  it("labels a clear structure the same way whatever the seed", () => {
    const blobs = gaussianBlobs(4, [[0, 0], [8, 0], [0, 8]], 60, 1);
    // The first 30 rows of blob 0 appear twice, so segment sizes differ and fix the order.
    const bigger = matrixFromRows([
      ...Array.from({ length: 180 }, (_, i) => [blobs.data[2 * i], blobs.data[2 * i + 1]]),
      ...Array.from({ length: 30 }, (_, i) => [blobs.data[2 * i], blobs.data[2 * i + 1]]),
    ]);
    const a = fitKMeansWithRestarts(bigger, { k: 3, seed: 1 });
    const b = fitKMeansWithRestarts(bigger, { k: 3, seed: 99 });
    expect(b.assignments).toEqual(a.assignments);
    expect(Array.from(a.sizes)).toEqual([90, 60, 60]);
  });

  it("rejects bad k and restarts", () => {
    expect(() => fitKMeansWithRestarts(head, { k: 1 })).toThrow("at least 2");
    expect(() => fitKMeansWithRestarts(head, { k: 201 })).toThrow("exceeds");
    expect(() => fitKMeansWithRestarts(head, { k: 3, restarts: 0 })).toThrow("restarts");
  });

  it.skipIf(!hasSharedVacmot)(
    "reaches within 1 % of the best known within-SS on vacmot, k = 2..8",
    () => {
      const vacmot = readNumericCsv(SHARED_VACMOT_PATH);
      const best = readSklearnReference().vacmotBestWithinSS.byK;
      for (let k = 2; k <= 8; k++) {
        const { totalWithinSS } = fitKMeansWithRestarts(vacmot, { k, seed: 1 });
        expect(totalWithinSS).toBeLessThanOrEqual(best[String(k)] * 1.01);
      }
    },
  );
});

describe("orderSegments", () => {
  it("orders by size, then by centroid, and moves every per-segment field along", () => {
    const raw: KMeansResult = {
      k: 3,
      assignments: Int32Array.from([0, 1, 1, 2, 2]),
      centroids: { data: Float64Array.from([9, 9, 5, 1, 3, 7]), rows: 3, cols: 2 },
      sizes: Int32Array.from([1, 2, 2]),
      withinSS: Float64Array.from([0, 1.5, 2.5]),
      totalWithinSS: 4,
      iterations: 3,
      converged: true,
    };
    const ordered = orderSegments(raw);
    // Old 2 (size 2, centroid [3, 7]) before old 1 (size 2, [5, 1]); old 0 (size 1) last.
    expect(Array.from(ordered.assignments)).toEqual([2, 1, 1, 0, 0]);
    expect(Array.from(ordered.centroids.data)).toEqual([3, 7, 5, 1, 9, 9]);
    expect(Array.from(ordered.sizes)).toEqual([2, 2, 1]);
    expect(Array.from(ordered.withinSS)).toEqual([2.5, 1.5, 0]);
    expect(ordered.totalWithinSS).toBe(4);
  });
});
