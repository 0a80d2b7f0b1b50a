import { describe, expect, it } from "vitest";
import { adjustedRandIndex, compactLabels } from "./agreement";
import { readSklearnReference } from "./fixtures/load-fixtures";
import { createRandom, randomInt } from "./random";

/** Independent O(n²) reference: count agreeing pairs directly (Hubert & Arabie). */
function pairCountingAri(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let both = 0;
  let onlyA = 0;
  let onlyB = 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      const sa = a[i] === a[j];
      const sb = b[i] === b[j];
      total++;
      if (sa && sb) both++;
      else if (sa) onlyA++;
      else if (sb) onlyB++;
    }
  }
  const pairsA = both + onlyA;
  const pairsB = both + onlyB;
  const expected = (pairsA * pairsB) / total;
  const maximum = (pairsA + pairsB) / 2;
  return maximum === expected ? 1 : (both - expected) / (maximum - expected);
}

function randomLabels(seed: number, n: number, k: number): Int32Array {
  const random = createRandom(seed);
  return Int32Array.from({ length: n }, () => randomInt(random, k));
}

describe("adjustedRandIndex", () => {
  it("matches a hand-worked example", () => {
    // Table [[2,1,0],[0,1,2]]: Σ C(nij,2) = 2, rows 3+3 = 6, columns 1+1+1 = 3, C(6,2) = 15.
    // Expected 6·3/15 = 1.2, max 4.5 → (2 − 1.2) / (4.5 − 1.2) = 8/33.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(8 / 33, 15);
  });

  it("matches scikit-learn on the reference cases", () => {
    for (const c of readSklearnReference().ari) {
      expect(adjustedRandIndex(c.a, c.b), c.name).toBeCloseTo(c.ari, 12);
    }
  });

  it("is 1 for the same partition under other label numbers, and symmetric", () => {
    const a = randomLabels(1, 300, 5);
    const renamed = a.map((v) => [40, -3, 7, 1000, 2][v]);
    expect(adjustedRandIndex(a, renamed)).toBe(1);
    const b = randomLabels(2, 300, 4);
    expect(adjustedRandIndex(a, b)).toBe(adjustedRandIndex(b, a));
  });

  it("agrees with direct pair counting, dense and sparse tables alike", () => {
    const a = randomLabels(3, 400, 6);
    const b = a.map((v, i) => (i % 5 === 0 ? (v + 1) % 6 : v));
    expect(adjustedRandIndex(a, b)).toBeCloseTo(pairCountingAri(a, b), 12);
    // 2500 × 2500 labels forces the sparse (map) table.
    const manyA = randomLabels(4, 3000, 2500);
    const manyB = randomLabels(5, 3000, 2500);
    expect(adjustedRandIndex(manyA, manyB)).toBeCloseTo(pairCountingAri(manyA, manyB), 12);
    const singletons = Int32Array.from({ length: 3000 }, (_, i) => i);
    expect(adjustedRandIndex(singletons, singletons.slice().reverse())).toBe(1);
  });

  it("rejects mismatched or empty input", () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow("differ in length: 2 vs 1");
    expect(() => adjustedRandIndex([], [])).toThrow("empty");
    expect(() => adjustedRandIndex([0, NaN], [0, 1])).toThrow("not a finite number");
  });
});

describe("compactLabels", () => {
  it("numbers labels by first appearance", () => {
    const { codes, count } = compactLabels([7, 3, 7, -1]);
    expect(Array.from(codes)).toEqual([0, 1, 0, 2]);
    expect(count).toBe(3);
  });
});
