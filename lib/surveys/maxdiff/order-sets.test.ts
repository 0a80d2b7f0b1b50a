import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/analysis";
import { generateMaxDiffDesign } from "./design";
import { countAdjacentRepeats, orderSetsAgainstCarryover } from "./order-sets";

describe("orderSetsAgainstCarryover", () => {
  it("counts items shared by consecutive sets", () => {
    expect(countAdjacentRepeats([[0, 1, 2], [2, 3, 4], [3, 4, 0], [1, 5, 6]])).toBe(3);
    expect(countAdjacentRepeats([[0, 1]])).toBe(0);
  });

  it("puts sets that share items apart when that is possible, keeping the same sets", () => {
    const sets = [[0, 1, 2], [0, 1, 3], [4, 5, 6], [4, 5, 7], [2, 3, 8], [6, 7, 8]];
    const ordered = orderSetsAgainstCarryover(sets, createRandom(1));
    expect(countAdjacentRepeats(ordered)).toBe(0);
    expect([...ordered].sort()).toEqual([...sets].sort());
  });

  it("leaves (almost) no carry-over when items are plentiful (30 items, 5 per set, 18 sets)", () => {
    const design = generateMaxDiffDesign({ itemIds: Array.from({ length: 30 }, (_, i) => `i${i}`), versions: 3, seed: 2 });
    for (const version of design.versions) expect(version.diagnostics.adjacentRepeats).toBeLessThanOrEqual(1);
  });
});
