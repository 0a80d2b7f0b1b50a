import { describe, expect, it } from "vitest";
import { readSklearnReference } from "./fixtures/load-fixtures";
import { gaussianBlobs } from "./fixtures/synthetic";
import { matrixFromRows } from "./matrix";
import { sampledSilhouetteScore, silhouetteSamples, silhouetteScore } from "./silhouette";

describe("silhouette", () => {
  it("matches a hand-worked example", () => {
    // Row 0: a = 1, b = (4 + 5)/2 = 4.5 → 7/9; row 1: a = 1, b = (3 + 4)/2 → 5/7; mirrored for rows 2, 3.
    const m = matrixFromRows([[0], [1], [4], [5]]);
    const samples = Array.from(silhouetteSamples(m, [0, 0, 1, 1]));
    [7 / 9, 5 / 7, 5 / 7, 7 / 9].forEach((v, i) => expect(samples[i]).toBeCloseTo(v, 15));
    expect(silhouetteScore(m, [0, 0, 1, 1])).toBeCloseTo(47 / 63, 15);
  });

  it("scores a row alone in its segment as 0", () => {
    const m = matrixFromRows([[0], [1], [10]]);
    const samples = silhouetteSamples(m, [0, 0, 1]);
    expect(samples[2]).toBe(0);
    // Row 0: a = 1, b = 10 → 0.9; row 1: a = 1, b = 9 → 8/9.
    expect(samples[0]).toBeCloseTo(0.9, 15);
    expect(samples[1]).toBeCloseTo(8 / 9, 15);
  });

  it("matches scikit-learn's silhouette_score and silhouette_samples", () => {
    for (const c of readSklearnReference().silhouette) {
      const m = matrixFromRows(c.x);
      expect(silhouetteScore(m, c.labels), c.name).toBeCloseTo(c.score, 9);
      const samples = silhouetteSamples(m, c.labels);
      c.samples.forEach((v, i) => expect(samples[i], `${c.name}, row ${i}`).toBeCloseTo(v, 9));
    }
  });

  it("needs between 2 and n − 1 segments", () => {
    const m = matrixFromRows([[0], [1], [2]]);
    expect(() => silhouetteScore(m, [0, 0, 0])).toThrow("between 2 and n − 1 = 2 segments, got 1");
    expect(() => silhouetteScore(m, [0, 1, 2])).toThrow("got 3");
    expect(() => silhouetteScore(m, [0, 1])).toThrow("Got 2 assignments for 3 rows");
  });
});

describe("sampledSilhouetteScore", () => {
  const blobs = gaussianBlobs(8, [[0, 0, 0], [3, 0, 0], [0, 3, 0], [0, 0, 3]], 750, 1);
  const labels = Int32Array.from({ length: blobs.rows }, (_, i) => Math.floor(i / 750));

  it("is exact when the sample would cover every row", () => {
    const small = matrixFromRows([[0], [1], [4], [5]]);
    expect(sampledSilhouetteScore(small, [0, 0, 1, 1], { sampleSize: 10 })).toBe(silhouetteScore(small, [0, 0, 1, 1]));
  });

  it("is reproducible from the seed and close to the exact value", () => {
    const exact = silhouetteScore(blobs, labels);
    const sampled = sampledSilhouetteScore(blobs, labels, { sampleSize: 1000, seed: 3 });
    expect(sampledSilhouetteScore(blobs, labels, { sampleSize: 1000, seed: 3 })).toBe(sampled);
    expect(sampledSilhouetteScore(blobs, labels, { sampleSize: 1000, seed: 4 })).not.toBe(sampled);
    expect(Math.abs(sampled - exact)).toBeLessThan(0.02);
  });

  it("rejects a tiny sample size", () => {
    expect(() => sampledSilhouetteScore(blobs, labels, { sampleSize: 2 })).toThrow("sampleSize");
  });
});
