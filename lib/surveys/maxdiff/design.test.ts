import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { generateMaxDiffDesign } from "./design";
import { diagnoseIndexSets } from "./design-diagnostics";
import { defaultItemsPerSet, defaultSetCount } from "./design-options";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `item-${i + 1}`);

/**
 * A lower bound on the std of pair counts: item i's partners share timesShown[i] × (k − 1) pair
 * slots, which at best are spread over the other items as ⌊·⌋ or ⌈·⌉ each.
 */
function pairStdLowerBound(timesShown: number[], itemsPerSet: number): number {
  const n = timesShown.length;
  const pairs = (n * (n - 1)) / 2;
  let sumSquares = 0;
  let total = 0;
  for (const shown of timesShown) {
    const slots = shown * (itemsPerSet - 1);
    const low = Math.floor(slots / (n - 1));
    const high = slots - low * (n - 1);
    sumSquares += ((n - 1 - high) * low * low + high * (low + 1) ** 2) / 2;
    total += slots / 2;
  }
  const mean = total / pairs;
  return Math.sqrt(Math.max(0, sumSquares / pairs - mean * mean));
}

describe("generateMaxDiffDesign balance", () => {
  const cases: [number, number][] = [];
  for (let n = 5; n <= 30; n++) for (const k of [3, 4, 5]) if (k < n) cases.push([n, k]);

  it.each(cases)("%i items, %i per set: one-way, pairs and positions balanced", (n, k) => {
    const design = generateMaxDiffDesign({ itemIds: ids(n), itemsPerSet: k, versions: 2, seed: 20261125 });
    const sets = design.setsPerVersion;
    expect(sets).toBe(defaultSetCount(n, k));
    const low = Math.floor((sets * k) / n);
    design.versions.forEach((version, v) => {
      expect(version.sets).toHaveLength(sets);
      for (const set of version.sets) {
        expect(set).toHaveLength(k);
        expect(new Set(set).size).toBe(k);
      }
      const d = version.diagnostics;
      expect(d.timesShown.reduce((a, b) => a + b, 0)).toBe(sets * k);
      expect(d.timesShownMin).toBe(low);
      expect(d.timesShownMax).toBe((sets * k) % n === 0 ? low : low + 1);
      // Later versions may give up a little of their own balance for that of all versions together.
      expect(d.pairCounts.spread).toBeLessThanOrEqual(v === 0 ? 2 : 3);
      // The bound is loose (13 items, 5 per set: search with 16× the budget still ends at 0.577 against 0.158).
      expect(d.pairCounts.std).toBeLessThanOrEqual(pairStdLowerBound(d.timesShown, k) + 0.45);
      // Positions can be balanced within one (de Werra's equitable edge colouring).
      expect(d.positionSpread).toBeLessThanOrEqual(v === 0 ? 1 : 2);
    });
    const all = design.diagnostics;
    expect(all.timesShownMax - all.timesShownMin).toBeLessThanOrEqual(1);
    expect(all.pairCounts.spread).toBeLessThanOrEqual(3);
    expect(all.positionSpread).toBeLessThanOrEqual(2);
  });

  it("finds the Fano plane: 7 items in 7 sets of 3, every pair exactly once", () => {
    const design = generateMaxDiffDesign({ itemIds: ids(7), itemsPerSet: 3, sets: 7, versions: 1, seed: 1 });
    const d = design.versions[0].diagnostics;
    expect(d.pairCounts).toMatchObject({ min: 1, max: 1, spread: 0, std: 0 });
    expect(d.timesShown).toEqual(new Array(7).fill(3));
    expect(d.positionCounts.every((counts) => counts.every((c) => c === 1))).toBe(true);
  });

  // Balanced incomplete block designs (v, k, λ) with b blocks: every pair exactly λ times.
  it.each([
    [9, 3, 12, 1],
    [13, 4, 13, 1],
    [6, 3, 10, 2],
    [7, 4, 7, 2],
    [11, 5, 11, 2],
  ])("finds a BIBD for %i items in sets of %i (%i sets, every pair %i times)", (n, k, sets, lambda) => {
    const design = generateMaxDiffDesign({ itemIds: ids(n), itemsPerSet: k, sets, versions: 1, seed: 1 });
    expect(design.versions[0].diagnostics.pairCounts).toMatchObject({ min: lambda, max: lambda, std: 0 });
  });

  it("balances extra appearances across versions when sets × itemsPerSet does not divide", () => {
    // 5 items × 4 sets of 4 = 16 slots: one item is shown 4 times in each version, a different one each time.
    const design = generateMaxDiffDesign({ itemIds: ids(5), itemsPerSet: 4, sets: 4, versions: 5, seed: 9 });
    expect(design.diagnostics.timesShown).toEqual([16, 16, 16, 16, 16]);
  });

  it("reports diagnostics that match a recount of the sets", () => {
    const itemIds = ids(12);
    const design = generateMaxDiffDesign({ itemIds, versions: 2, seed: 5 });
    const index = new Map(itemIds.map((id, i) => [id, i]));
    const allIndexSets = design.versions.flatMap((v) => v.sets.map((set) => set.map((id) => index.get(id)!)));
    const { adjacentRepeats, ...counts } = design.diagnostics;
    const { adjacentRepeats: _acrossVersions, ...recounted } = diagnoseIndexSets(allIndexSets, 12, design.itemsPerSet);
    expect(counts).toEqual(recounted);
    expect(adjacentRepeats).toBe(design.versions[0].diagnostics.adjacentRepeats + design.versions[1].diagnostics.adjacentRepeats);
    expect(design.diagnostics.pairCounts.mean).toBeCloseTo((2 * 9 * 6) / 66, 12);
  });
});

describe("generateMaxDiffDesign defaults and reproducibility", () => {
  it("uses Sawtooth-like defaults: 3–5 items per set, each item shown about 3 times, 10 versions", () => {
    expect([3, 4, 6, 7, 12, 13, 40].map(defaultItemsPerSet)).toEqual([2, 3, 3, 4, 4, 5, 5]);
    const design = generateMaxDiffDesign({ itemIds: ids(20), seed: 3 });
    expect(design.itemsPerSet).toBe(5);
    expect(design.setsPerVersion).toBe(12);
    expect(design.versions).toHaveLength(10);
    expect(design.versions[0].diagnostics.timesShown).toEqual(new Array(20).fill(3));
  });

  it("gives the same design for the same seed and a different one for another seed", () => {
    const input = { itemIds: ids(15), itemsPerSet: 4, versions: 3 };
    const a = generateMaxDiffDesign({ ...input, seed: 77 });
    const b = generateMaxDiffDesign({ ...input, seed: 77 });
    const c = generateMaxDiffDesign({ ...input, seed: 78 });
    expect(b).toEqual(a);
    expect(c.versions[0].sets).not.toEqual(a.versions[0].sets);
  });

  it("gives different versions within one design", () => {
    const design = generateMaxDiffDesign({ itemIds: ids(10), versions: 2, seed: 4 });
    expect(design.versions[1].sets).not.toEqual(design.versions[0].sets);
  });
});

describe("generateMaxDiffDesign input validation", () => {
  const cases: [string, Parameters<typeof generateMaxDiffDesign>[0], string, RegExp][] = [
    ["too few items", { itemIds: ["a", "b"], seed: 1 }, "itemIds", /at least 3 items/],
    ["duplicate items", { itemIds: ["a", "b", "a", "c"], seed: 1 }, "itemIds", /"a" is listed twice/],
    ["an empty id", { itemIds: ["a", " ", "c"], seed: 1 }, "itemIds", /non-empty id/],
    ["one item per set", { itemIds: ids(6), itemsPerSet: 1, seed: 1 }, "itemsPerSet", /from 2 to 5/],
    ["all items in every set", { itemIds: ids(6), itemsPerSet: 6, seed: 1 }, "itemsPerSet", /from 2 to 5/],
    ["fractional set size", { itemIds: ids(6), itemsPerSet: 3.5, seed: 1 }, "itemsPerSet", /whole number/],
    ["no sets", { itemIds: ids(6), sets: 0, seed: 1 }, "sets", /number of sets/],
    ["sets that cannot show every item", { itemIds: ids(10), itemsPerSet: 3, sets: 3, seed: 1 }, "sets", /at least 4 sets/],
    ["too many versions", { itemIds: ids(6), versions: 1000, seed: 1 }, "versions", /1 to 100/],
    ["a fractional seed", { itemIds: ids(6), seed: 0.5 }, "seed", /seed/],
  ];

  it.each(cases)("rejects %s", (_, input, field, message) => {
    let error: unknown;
    try {
      generateMaxDiffDesign(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid");
    expect((error as AppError).message).toMatch(message);
    expect((error as AppError).fieldErrors?.[field]?.[0]).toMatch(message);
  });
});
