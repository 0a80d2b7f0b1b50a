import { countAdjacentRepeats } from "./order-sets";

/** Balance measures of a MaxDiff design, the numbers a researcher checks before fielding it. */

export interface PairCountSummary {
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation over all item pairs. */
  std: number;
  /** max − min: 0 for a perfectly balanced (BIBD-like) design. */
  spread: number;
}

export interface MaxDiffDesignDiagnostics {
  /** How often each item is shown, aligned with itemIds. */
  timesShown: number[];
  timesShownMin: number;
  timesShownMax: number;
  /** How often each pair of items appears in the same set. */
  pairCounts: PairCountSummary;
  /** positionCounts[item][position]: how often the item is shown at that place in a set. */
  positionCounts: number[][];
  /** Largest difference, over items, between an item's most and least used position. */
  positionSpread: number;
  /** Items shared by consecutive sets (carry-over), summed over the sets in display order. */
  adjacentRepeats: number;
}

/** Diagnostics of sets given as item indices (0..itemCount-1), each set in display order. */
export function diagnoseIndexSets(sets: readonly (readonly number[])[], itemCount: number, itemsPerSet: number): MaxDiffDesignDiagnostics {
  const timesShown = new Array<number>(itemCount).fill(0);
  const positionCounts = Array.from({ length: itemCount }, () => new Array<number>(itemsPerSet).fill(0));
  const pairs = new Int32Array(itemCount * itemCount);
  for (const set of sets) {
    set.forEach((item, position) => {
      timesShown[item] += 1;
      positionCounts[item][position] += 1;
      for (let other = position + 1; other < set.length; other++) {
        const a = Math.min(item, set[other]);
        const b = Math.max(item, set[other]);
        pairs[a * itemCount + b] += 1;
      }
    });
  }
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sumSquares = 0;
  const pairTotal = (itemCount * (itemCount - 1)) / 2;
  for (let a = 0; a < itemCount; a++) {
    for (let b = a + 1; b < itemCount; b++) {
      const count = pairs[a * itemCount + b];
      min = Math.min(min, count);
      max = Math.max(max, count);
      sum += count;
      sumSquares += count * count;
    }
  }
  const mean = sum / pairTotal;
  const std = Math.sqrt(Math.max(0, sumSquares / pairTotal - mean * mean));
  const positionSpread = Math.max(...positionCounts.map((counts) => Math.max(...counts) - Math.min(...counts)));
  return {
    timesShown,
    timesShownMin: Math.min(...timesShown),
    timesShownMax: Math.max(...timesShown),
    pairCounts: { min, max, mean, std, spread: max - min },
    positionCounts,
    positionSpread,
    adjacentRepeats: countAdjacentRepeats(sets),
  };
}
