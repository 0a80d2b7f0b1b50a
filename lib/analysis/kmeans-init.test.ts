import { describe, expect, it } from "vitest";
import { gaussianBlobs } from "./fixtures/synthetic";
import { kmeansPlusPlus } from "./kmeans-init";
import { matrixFromRows } from "./matrix";
import { createRandom } from "./random";

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
