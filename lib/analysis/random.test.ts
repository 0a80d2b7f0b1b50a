import { describe, expect, it } from "vitest";
import { createRandom, deriveSeed, randomInt, sampleIndices } from "./random";

function draws(seed: number, count: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random());
}

describe("createRandom", () => {
  it("repeats the same sequence for the same seed", () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
  });

  it("gives different sequences for different seeds", () => {
    expect(draws(1, 10)).not.toEqual(draws(2, 10));
  });

  it("stays in [0, 1) and looks uniform", () => {
    const values = draws(7, 20000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    const buckets = new Array(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)]++;
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(150);
  });

  it("rejects seeds that are not safe integers", () => {
    expect(() => createRandom(1.5)).toThrow(/safe integer/);
    expect(() => createRandom(Number.NaN)).toThrow(/safe integer/);
  });
});

describe("deriveSeed", () => {
  it("is deterministic and gives distinct seeds per stream", () => {
    expect(deriveSeed(5, 3)).toBe(deriveSeed(5, 3));
    const seeds = new Set(Array.from({ length: 1000 }, (_, r) => deriveSeed(5, r)));
    expect(seeds.size).toBe(1000);
    expect(deriveSeed(5, 0)).not.toBe(deriveSeed(6, 0));
  });
});

describe("randomInt and sampleIndices", () => {
  it("draws integers in range", () => {
    const random = createRandom(3);
    for (let i = 0; i < 1000; i++) {
      const v = randomInt(random, 7);
      expect(Number.isInteger(v) && v >= 0 && v < 7).toBe(true);
    }
  });

  it("samples distinct indices without replacement, reproducibly", () => {
    const picked = sampleIndices(createRandom(9), 100, 40);
    expect(new Set(picked).size).toBe(40);
    for (const i of picked) expect(i >= 0 && i < 100).toBe(true);
    expect(sampleIndices(createRandom(9), 100, 40)).toEqual(picked);
    expect(Array.from(sampleIndices(createRandom(1), 5, 5)).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(() => sampleIndices(createRandom(1), 5, 6)).toThrow(/Cannot sample/);
  });
});
