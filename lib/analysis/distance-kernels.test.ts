import { describe, expect, it } from "vitest";
import { distancesOfTwoRows, distancesToCentres, distancesToFourBlocks, squaredDistance } from "./distance-kernels";
import { createRandom } from "./random";

describe("distance kernels", () => {
  it("give exactly the one-at-a-time squared distances for every k and row pair", () => {
    const random = createRandom(5);
    for (const d of [1, 3, 30]) {
      const rows = 9;
      // Mixed magnitudes, so a different summation order would show in the last bits.
      const data = Float64Array.from({ length: rows * d }, () => (random() - 0.5) * 10 ** Math.floor(random() * 6));
      for (let k = 1; k <= 9; k++) {
        const centers = Float64Array.from({ length: k * d }, () => (random() - 0.5) * 1000);
        const one = new Float64Array(k);
        const a = new Float64Array(k);
        const b = new Float64Array(k);
        for (let i = 0; i < rows; i++) {
          const other = (i * 7 + 3) % rows;
          const expectedA = Array.from({ length: k }, (_, c) => squaredDistance(data, i * d, centers, c * d, d));
          const expectedB = Array.from({ length: k }, (_, c) => squaredDistance(data, other * d, centers, c * d, d));
          distancesToCentres(data, i * d, centers, k, d, one);
          distancesOfTwoRows(data, i * d, other * d, centers, k, d, a, b);
          expect(Array.from(one)).toEqual(expectedA);
          expect(Array.from(a)).toEqual(expectedA);
          expect(Array.from(b)).toEqual(expectedB);
        }
      }
    }
  });

  it("gives exactly the one-at-a-time distances from one row to four others", () => {
    const random = createRandom(8);
    const d = 30;
    const data = Float64Array.from({ length: 12 * d }, () => (random() - 0.5) * 10 ** Math.floor(random() * 6));
    const four = new Float64Array(4);
    for (let base = 0; base < 12; base++) {
      for (let first = 0; first + 4 <= 12; first++) {
        distancesToFourBlocks(data, base * d, data, first * d, d, four);
        expect(Array.from(four)).toEqual([0, 1, 2, 3].map((q) => squaredDistance(data, base * d, data, (first + q) * d, d)));
      }
    }
  });

  it("sums in index order, as ml-kmeans does", () => {
    const row = new Float64Array([1e16, 1, -1e16]);
    const zero = new Float64Array(3);
    // (1e32 + 1) + 1e32 in order; any reordering that pairs the big terms first would differ.
    expect(squaredDistance(row, 0, zero, 0, 3)).toBe(1e32 + 1 + 1e32);
  });
});
