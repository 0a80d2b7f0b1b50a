import { kmeans as mlKmeans } from "ml-kmeans";
import { describe, expect, it, vi } from "vitest";
import { SHARED_VACMOT_PATH, VACMOT_HEAD_PATH, hasSharedVacmot, readNumericCsv } from "./fixtures/load-fixtures";
import { gaussianBlobs, uniformNoise } from "./fixtures/synthetic";
import { fitKMeans, fitKMeansFromCentroids, nearestCentroids } from "./kmeans";
import { kmeansPlusPlus } from "./kmeans-init";
import { createMatrix, matrixFromRows, matrixToRows, type Matrix } from "./matrix";
import { createRandom } from "./random";
import { distanceKernelsSetting } from "@/lib/env";
import { setDistanceKernels } from "./wasm-kernels";

/**
 * Oracle: from the same start, ml-kmeans (an independent implementation) must
 * reach the same partition and centroids. Both run to a fixed point: our
 * tolerance 0 stops when no label moves, ml-kmeans' tiny absolute tolerance
 * when no centroid moves.
 */
function expectSameAsMlKmeans(matrix: Matrix, k: number, seed: number): void {
  const start = createMatrix(kmeansPlusPlus(matrix, k, createRandom(seed)), k, matrix.cols);
  const ours = fitKMeansFromCentroids(matrix, start, { tolerance: 0, maxIterations: 1000 });
  const reference = mlKmeans(matrixToRows(matrix), k, {
    initialization: matrixToRows(start),
    tolerance: 1e-12,
    maxIterations: 1000,
  });
  // ml-kmeans keeps empty clusters where we re-seed them; such starts are not comparable.
  expect(Math.min(...ours.sizes)).toBeGreaterThan(0);
  expect(ours.converged).toBe(true);
  expect(reference.converged).toBe(true);
  expect(Array.from(ours.assignments)).toEqual(reference.clusters);
  expect(ours.iterations).toBe(reference.iterations);
  // We keep running sums (rows that change segment are moved), ml-kmeans re-sums: equal up to rounding.
  const ourCentroids = matrixToRows(ours.centroids);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < matrix.cols; j++) {
      const expected = reference.centroids[c][j];
      expect(Math.abs(ourCentroids[c][j] - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
    }
  }
}

describe("fitKMeansFromCentroids against ml-kmeans", () => {
  it("agrees on separated Gaussian blobs", () => {
    const blobs = gaussianBlobs(1, [[0, 0, 0], [4, 0, 1], [0, 4, 2], [4, 4, 3]], 75, 1.2);
    for (const k of [2, 3, 4, 6]) for (const seed of [1, 2, 3]) expectSameAsMlKmeans(blobs, k, seed);
  });

  it("agrees on data far from the origin (bounds must survive rounding)", () => {
    const blobs = gaussianBlobs(6, [[0, 0], [3, 1], [1, 3]], 100, 1);
    const shifted = createMatrix(blobs.data.map((v) => v + 1e6), blobs.rows, blobs.cols);
    for (const k of [2, 3, 5]) for (const seed of [1, 2]) expectSameAsMlKmeans(shifted, k, seed);
  });

  it("agrees on structureless uniform noise (many iterations, many local optima)", () => {
    const noise = uniformNoise(5, 500, 5);
    for (const k of [3, 5, 8]) for (const seed of [1, 2]) expectSameAsMlKmeans(noise, k, seed);
  });

  it("agrees on 0/1 motive data (fixture slice of vacmot, many tied distances)", () => {
    const head = readNumericCsv(VACMOT_HEAD_PATH);
    for (const k of [2, 3, 5]) for (const seed of [1, 2, 3]) expectSameAsMlKmeans(head, k, seed);
  });

  it.skipIf(!hasSharedVacmot)("agrees on the full vacmot data, k = 2..8", () => {
    const vacmot = readNumericCsv(SHARED_VACMOT_PATH);
    expect([vacmot.rows, vacmot.cols]).toEqual([1000, 20]);
    for (let k = 2; k <= 8; k++) for (const seed of [1, 2]) expectSameAsMlKmeans(vacmot, k, seed);
  });
});

describe("the JavaScript kernels (NEEDSCAPE_DISTANCE_KERNELS=js) against ml-kmeans", () => {
  it("agree tie for tie as the WebAssembly kernels do", () => {
    vi.stubEnv("NEEDSCAPE_DISTANCE_KERNELS", "js");
    setDistanceKernels(distanceKernelsSetting());
    try {
      const blobs = gaussianBlobs(1, [[0, 0, 0], [4, 0, 1], [0, 4, 2], [4, 4, 3]], 75, 1.2);
      for (const k of [2, 4, 6]) expectSameAsMlKmeans(blobs, k, 2);
      const noise = uniformNoise(5, 500, 5);
      for (const k of [3, 8]) expectSameAsMlKmeans(noise, k, 1);
      const head = readNumericCsv(VACMOT_HEAD_PATH);
      for (const k of [2, 5]) expectSameAsMlKmeans(head, k, 3);
    } finally {
      vi.unstubAllEnvs();
      setDistanceKernels("auto");
    }
  });
});

describe("within-cluster sum of squares by hand", () => {
  it("splits a 1-D set and sums squared deviations", () => {
    const m = matrixFromRows([[1], [2], [3], [10], [11]]);
    const result = fitKMeansFromCentroids(m, matrixFromRows([[1], [11]]));
    expect(Array.from(result.assignments)).toEqual([0, 0, 0, 1, 1]);
    expect(Array.from(result.centroids.data)).toEqual([2, 10.5]);
    expect(Array.from(result.sizes)).toEqual([3, 2]);
    // {1,2,3} around 2: 1 + 0 + 1; {10,11} around 10.5: 0.25 + 0.25
    expect(Array.from(result.withinSS)).toEqual([2, 0.5]);
    expect(result.totalWithinSS).toBe(2.5);
    expect(result.converged).toBe(true);
  });

  it("finds the obvious 2-D partition from a seeded start", () => {
    const m = matrixFromRows([[0, 0], [0, 2], [10, 0], [10, 2]]);
    const result = fitKMeans(m, { k: 2, seed: 4 });
    // Each point sits 1 from its centroid: 4 × 1².
    expect(result.totalWithinSS).toBe(4);
    expect(result.assignments[0]).toBe(result.assignments[1]);
    expect(result.assignments[2]).toBe(result.assignments[3]);
    expect(result.assignments[0]).not.toBe(result.assignments[2]);
  });

  it("re-seeds an empty cluster with the point farthest from its centroid", () => {
    const m = matrixFromRows([[0], [1], [2], [10], [11], [12]]);
    const result = fitKMeansFromCentroids(m, matrixFromRows([[1], [11], [100]]));
    // 100 attracts nobody; of the points 1 away from their centroid, row 0 comes first.
    expect(Array.from(result.assignments)).toEqual([2, 0, 0, 1, 1, 1]);
    expect(Array.from(result.sizes)).toEqual([2, 3, 1]);
    expect(Array.from(result.centroids.data)).toEqual([1.5, 11, 0]);
    expect(Array.from(result.withinSS)).toEqual([0.5, 2, 0]);
  });

  it("leaves a cluster empty only when there are fewer distinct rows than k", () => {
    const m = matrixFromRows([[1], [1], [1], [4]]);
    const result = fitKMeansFromCentroids(m, matrixFromRows([[1], [4], [9]]));
    expect(Array.from(result.sizes)).toEqual([3, 1, 0]);
    expect(result.totalWithinSS).toBe(0);
  });
});

describe("stopping rule", () => {
  const blobs = gaussianBlobs(2, [[0, 0], [3, 0], [0, 3]], 200, 1.5);

  it("uses a tolerance relative to the data variance (scale-free)", () => {
    const scaled = createMatrix(blobs.data.map((v) => v * 1000), blobs.rows, blobs.cols);
    const a = fitKMeans(blobs, { k: 3, seed: 8 });
    const b = fitKMeans(scaled, { k: 3, seed: 8 });
    expect(b.iterations).toBe(a.iterations);
    expect(b.assignments).toEqual(a.assignments);
    const strict = fitKMeans(blobs, { k: 3, seed: 8, tolerance: 0 });
    expect(a.iterations).toBeLessThanOrEqual(strict.iterations);
    expect(a.totalWithinSS).toBeCloseTo(strict.totalWithinSS, 0);
  });

  it("reports non-convergence at maxIterations and keeps labels consistent with centroids", () => {
    const noise = uniformNoise(3, 400, 4);
    const result = fitKMeans(noise, { k: 6, seed: 1, maxIterations: 1, tolerance: 0 });
    expect(result.iterations).toBe(1);
    expect(result.converged).toBe(false);
    expect(nearestCentroids(noise, result.centroids)).toEqual(result.assignments);
  });
});

describe("validation and nearestCentroids", () => {
  const m = matrixFromRows([[0], [1], [2]]);

  it("rejects bad k and options with clear messages", () => {
    expect(() => fitKMeans(m, { k: 1, seed: 1 })).toThrow("at least 2");
    expect(() => fitKMeans(m, { k: 4, seed: 1 })).toThrow("exceeds the number of respondents (3)");
    expect(() => fitKMeans(m, { k: 2.5, seed: 1 })).toThrow("must be an integer");
    expect(() => fitKMeans(m, { k: 2, seed: 1, maxIterations: 0 })).toThrow("maxIterations");
    expect(() => fitKMeans(m, { k: 2, seed: 1, tolerance: -1 })).toThrow("tolerance");
    expect(() => fitKMeansFromCentroids(m, matrixFromRows([[0, 0], [1, 1]]))).toThrow("2 columns, data has 1");
  });

  it("assigns new rows to the nearest centroid, ties to the lower index", () => {
    const centroids = matrixFromRows([[0], [10]]);
    expect(Array.from(nearestCentroids(matrixFromRows([[1], [9], [5], [-3]]), centroids))).toEqual([0, 1, 0, 0]);
  });
});
