import { createRandom, deriveSeed, type Random } from "@/lib/analysis";
import { diagnoseIndexSets, type MaxDiffDesignDiagnostics } from "./design-diagnostics";
import { resolveMaxDiffDesignOptions, type MaxDiffDesignInput } from "./design-options";
import { searchVersion } from "./design-search";
import { orderSetsAgainstCarryover } from "./order-sets";

export interface MaxDiffDesignVersion {
  /** sets[s] = the item ids of set s in display order. */
  sets: string[][];
  diagnostics: MaxDiffDesignDiagnostics;
}

export interface MaxDiffDesign {
  itemIds: string[];
  itemsPerSet: number;
  setsPerVersion: number;
  seed: number;
  versions: MaxDiffDesignVersion[];
  /** Balance of all versions together (what a sample spread evenly over the versions sees). */
  diagnostics: MaxDiffDesignDiagnostics;
}

const STARTS = 4;
// A start ends after this fraction of its move budget brings no improvement.
const PATIENCE_DIVISOR = 4;

/**
 * Which items get the extra appearance when sets × itemsPerSet is not a multiple of the item count:
 * those shown least in the earlier versions (ties at random), so the whole design stays within one.
 */
function targetCounts(totals: Int32Array, slotCount: number, random: Random): Int32Array {
  const n = totals.length;
  const base = Math.floor(slotCount / n);
  const extra = slotCount - base * n;
  const keys = Array.from(totals, () => random());
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => totals[a] - totals[b] || keys[a] - keys[b]);
  const counts = new Int32Array(n).fill(base);
  for (let i = 0; i < extra; i++) counts[order[i]] += 1;
  return counts;
}

function toIndexSets(slots: Int32Array, itemsPerSet: number): number[][] {
  const sets: number[][] = [];
  for (let s = 0; s < slots.length; s += itemsPerSet) sets.push(Array.from(slots.subarray(s, s + itemsPerSet)));
  return sets;
}

/**
 * A balanced-incomplete-block-style MaxDiff design: in every version each item is shown equally often
 * (exactly when sets × itemsPerSet divides by the item count, else within one), never twice in a
 * set, with pair co-occurrence and positions within sets as even as a randomised swap search finds.
 * The same input and seed always give the same design.
 */
export function generateMaxDiffDesign(input: MaxDiffDesignInput): MaxDiffDesign {
  const options = resolveMaxDiffDesignOptions(input);
  const { itemIds, itemsPerSet: k, sets: setCount } = options;
  const n = itemIds.length;
  const totals = new Int32Array(n);
  const priorPairs = new Int32Array(n * n);
  const priorPositions = new Int32Array(n * k);
  // Each slot can swap with every slot of other sets and touches k − 1 pairs: budget grows as sets × k².
  const movesPerStart = Math.max(2000, 30 * setCount * k * k);
  const versions: MaxDiffDesignVersion[] = [];
  const allSets: number[][] = [];
  for (let v = 0; v < options.versions; v++) {
    const random = createRandom(deriveSeed(options.seed, v));
    const slots = searchVersion({
      itemCount: n,
      itemsPerSet: k,
      setCount,
      targetCounts: targetCounts(totals, setCount * k, random),
      priorPairs,
      priorPositions,
      random,
      starts: STARTS,
      movesPerStart,
      patience: Math.ceil(movesPerStart / PATIENCE_DIVISOR),
    });
    const indexSets = orderSetsAgainstCarryover(toIndexSets(slots, k), random);
    for (const set of indexSets) {
      set.forEach((item, position) => {
        totals[item] += 1;
        priorPositions[item * k + position] += 1;
        for (const other of set) if (item < other) priorPairs[item * n + other] += 1;
      });
    }
    allSets.push(...indexSets);
    versions.push({
      sets: indexSets.map((set) => set.map((item) => itemIds[item])),
      diagnostics: diagnoseIndexSets(indexSets, n, k),
    });
  }
  return {
    itemIds: [...itemIds],
    itemsPerSet: k,
    setsPerVersion: setCount,
    seed: options.seed,
    versions,
    // Consecutive sets of different versions are never shown to the same respondent.
    diagnostics: { ...diagnoseIndexSets(allSets, n, k), adjacentRepeats: versions.reduce((sum, v) => sum + v.diagnostics.adjacentRepeats, 0) },
  };
}
