import { randomInt, type Random } from "@/lib/analysis";

function overlap(a: readonly number[], b: readonly number[]): number {
  let shared = 0;
  for (const item of a) if (b.includes(item)) shared += 1;
  return shared;
}

/** Items shared by consecutive sets, summed over the sequence. */
export function countAdjacentRepeats(sets: readonly (readonly number[])[]): number {
  let repeats = 0;
  for (let s = 1; s < sets.length; s++) repeats += overlap(sets[s - 1], sets[s]);
  return repeats;
}

/** Repeats at the two junctions around position s (with its neighbours, where they exist). */
function repeatsAround(sets: readonly number[][], s: number): number {
  return (s > 0 ? overlap(sets[s - 1], sets[s]) : 0) + (s + 1 < sets.length ? overlap(sets[s], sets[s + 1]) : 0);
}

/** Swaps sets at two positions while that lowers the carry-over, until no swap does. */
function improveBySwaps(sets: number[][]): void {
  let improved = true;
  while (improved) {
    improved = false;
    for (let a = 0; a < sets.length; a++) {
      for (let b = a + 1; b < sets.length; b++) {
        // Only the junctions around a and b change (a junction between them counts twice on both sides).
        const before = repeatsAround(sets, a) + repeatsAround(sets, b);
        [sets[a], sets[b]] = [sets[b], sets[a]];
        if (repeatsAround(sets, a) + repeatsAround(sets, b) < before) improved = true;
        else [sets[a], sets[b]] = [sets[b], sets[a]];
      }
    }
  }
}

/**
 * Orders a version's sets so that consecutive sets share as few items as possible: seeing an item
 * again right away invites answering by memory rather than by comparison (Sawtooth's designer avoids
 * such carry-over too). Greedy nearest-neighbour from a random first set, ties broken at random, then
 * pairwise swaps; the order does not change any count of the design.
 */
export function orderSetsAgainstCarryover(sets: readonly number[][], random: Random): number[][] {
  const left = [...sets];
  const ordered = left.splice(randomInt(random, left.length), 1);
  while (left.length > 0) {
    const previous = ordered[ordered.length - 1];
    let bestIndex = -1;
    let bestOverlap = Infinity;
    let ties = 0;
    left.forEach((set, index) => {
      const shared = overlap(previous, set);
      if (shared < bestOverlap) {
        bestOverlap = shared;
        bestIndex = index;
        ties = 1;
      } else if (shared === bestOverlap && randomInt(random, ++ties) === 0) {
        bestIndex = index; // reservoir sampling: each tied set is equally likely
      }
    });
    ordered.push(...left.splice(bestIndex, 1));
  }
  improveBySwaps(ordered);
  return ordered;
}
