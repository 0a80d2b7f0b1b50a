import { describe, expect, it } from "vitest";
import { gaussianBlobs } from "./fixtures/synthetic";
import { kmeansPlusPlus } from "./kmeans-init";
import { matrixFromRows } from "./matrix";
import { squaredDistance } from "./distance-kernels";
import { createRandom, randomInt, type Random } from "./random";

/** The seeding written plainly, one pass over the data per trial: the fast version must equal it bit for bit. */
function plainKmeansPlusPlus(data: Float64Array, n: number, d: number, k: number, random: Random): Float64Array {
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const toRow = (r: number, cap: Float64Array | null): { out: Float64Array; total: number } => {
    const out = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const s = squaredDistance(data, i * d, data, r * d, d);
      out[i] = cap !== null && cap[i] < s ? cap[i] : s;
      total += out[i];
    }
    return { out, total };
  };
  const draw = (weights: Float64Array, target: number) => {
    let running = 0;
    let last = 0;
    for (let i = 0; i < n; i++) {
      if (weights[i] > 0) {
        running += weights[i];
        last = i;
        if (running > target) return i;
      }
    }
    return last;
  };
  const first = randomInt(random, n);
  centers.set(data.subarray(first * d, first * d + d), 0);
  let { out: closest, total: potential } = toRow(first, null);
  for (let c = 1; c < k; c++) {
    let best: { out: Float64Array; total: number; row: number } | null = null;
    for (let t = 0; t < trials; t++) {
      const row = potential > 0 ? draw(closest, potential * random()) : randomInt(random, n);
      const candidate = { ...toRow(row, closest), row };
      if (best === null || candidate.total < best.total) best = candidate;
    }
    centers.set(data.subarray(best!.row * d, best!.row * d + d), c * d);
    closest = best!.out;
    potential = best!.total;
  }
  return centers;
}

function rowsOf(flat: Float64Array, d: number): number[][] {
  return Array.from({ length: flat.length / d }, (_, c) => Array.from(flat.subarray(c * d, c * d + d)));
}

describe("kmeansPlusPlus", () => {
  const blobs = gaussianBlobs(11, [[0, 0], [10, 0], [0, 10], [10, 10]], 50, 0.5);

  it("picks distinct data rows as centres, reproducibly from the seed", () => {
    const centers = kmeansPlusPlus(blobs, 4, createRandom(3));
    expect(kmeansPlusPlus(blobs, 4, createRandom(3))).toEqual(centers);
    const dataRows = new Set(rowsOf(blobs.data, 2).map((r) => r.join(",")));
    const picked = rowsOf(centers, 2).map((r) => r.join(","));
    for (const key of picked) expect(dataRows.has(key)).toBe(true);
    expect(new Set(picked).size).toBe(4);
  });

  it("spreads centres over well separated blobs (one per blob)", () => {
    for (let seed = 0; seed < 20; seed++) {
      const centers = rowsOf(kmeansPlusPlus(blobs, 4, createRandom(seed)), 2);
      const blobIds = centers.map(([x, y]) => (x > 5 ? 1 : 0) + (y > 5 ? 2 : 0));
      expect(new Set(blobIds).size).toBe(4);
    }
  });

  it("equals the plain one-pass-per-trial seeding bit for bit, ties and all", () => {
    const random = createRandom(99);
    for (const [n, d] of [[203, 7], [64, 3], [9, 1]]) {
      // Small integers make exact distance ties common.
      const data = Float64Array.from({ length: n * d }, () => Math.floor(random() * 4));
      const matrix = { data, rows: n, cols: d };
      for (const k of [2, 3, 5, 8]) {
        for (let seed = 0; seed < 5; seed++) {
          expect(kmeansPlusPlus(matrix, k, createRandom(seed))).toEqual(plainKmeansPlusPlus(data, n, d, k, createRandom(seed)));
        }
      }
    }
  });

  it("never picks a row twice while distinct rows remain, and copes with fewer distinct rows than k", () => {
    const dupes = matrixFromRows([[0], [0], [0], [1], [1], [5]]);
    for (let seed = 0; seed < 20; seed++) {
      const centers = Array.from(kmeansPlusPlus(dupes, 3, createRandom(seed)));
      expect(centers.sort()).toEqual([0, 1, 5]);
    }
    const same = matrixFromRows([[2], [2], [2]]);
    expect(Array.from(kmeansPlusPlus(same, 2, createRandom(1)))).toEqual([2, 2]);
  });
});
