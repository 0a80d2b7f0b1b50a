import { randomInt, type Random } from "@/lib/analysis";

/**
 * Local search for one design version. Slots are laid out flat: slot s·k + p holds the item shown
 * at position p of set s. Item frequencies are fixed by the start (every move swaps two slots), so
 * one-way balance holds by construction. The search then minimises a convex cost of the pair counts
 * (phase 1) and of the position counts (phase 2); as their totals are fixed, that evens them out.
 * Counts carried over from earlier versions enter the cost too, so the versions together stay balanced.
 */
export interface VersionSearchParams {
  itemCount: number;
  itemsPerSet: number;
  setCount: number;
  /** How often each item is to be shown in this version. */
  targetCounts: Int32Array;
  /** Pair counts (n×n, upper triangle) and position counts (n×k) of the versions already made. */
  priorPairs: Int32Array;
  priorPositions: Int32Array;
  random: Random;
  starts: number;
  /** Most moves tried per start, and how many in a row may fail to improve before the start ends. */
  movesPerStart: number;
  patience: number;
}

/**
 * Change of the cost when a count moves by d. A version's own counts cost c² + c⁴/8: minimising the
 * squares evens the counts out (their total is fixed), and the quartic term breaks ties between
 * equally even designs in favour of the one with the smaller max − min. The own balance weighs more
 * than the running total over versions: a respondent sees one version, and individual scores depend
 * on it alone. (Power-of-two scales keep every cost exact in floating point.)
 */
const OWN_WEIGHT = 8;
function ownCost(c: number): number {
  return c * c + (c * c * c * c) / 8;
}
function squareDelta(own: number, prior: number, d: number): number {
  const total = own + prior;
  return OWN_WEIGHT * (ownCost(own + d) - ownCost(own)) + ownCost(total + d) - ownCost(total);
}

function shuffleInPlace(values: number[], random: Random): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [values[i], values[j]] = [values[j], values[i]];
  }
}

/**
 * A random start that can always be completed without showing an item twice in a set: items still
 * owed as many appearances as there are sets left must go into the current set (there are at most
 * k of them because the owed appearances sum to k × sets left); the rest of the set is drawn at random.
 */
function randomStart(p: VersionSearchParams): Int32Array {
  const { itemCount: n, itemsPerSet: k, setCount, random } = p;
  const remaining = Int32Array.from(p.targetCounts);
  const slots = new Int32Array(setCount * k);
  for (let s = 0; s < setCount; s++) {
    const setsLeft = setCount - s;
    const forced: number[] = [];
    const optional: number[] = [];
    for (let i = 0; i < n; i++) {
      if (remaining[i] === setsLeft) forced.push(i);
      else if (remaining[i] > 0) optional.push(i);
    }
    shuffleInPlace(optional, random);
    const chosen = forced.concat(optional.slice(0, k - forced.length));
    shuffleInPlace(chosen, random);
    chosen.forEach((item, position) => {
      slots[s * k + position] = item;
      remaining[item] -= 1;
    });
  }
  return slots;
}

class VersionState {
  readonly pairs: Int32Array;
  readonly positions: Int32Array;
  readonly member: Uint8Array;
  /** Pair cost, plus the position changes made by phase 2 (only differences are ever compared). */
  cost = 0;

  constructor(
    private readonly p: VersionSearchParams,
    readonly slots: Int32Array,
  ) {
    const { itemCount: n, itemsPerSet: k, setCount } = p;
    this.pairs = new Int32Array(n * n);
    this.positions = new Int32Array(n * k);
    this.member = new Uint8Array(setCount * n);
    for (let s = 0; s < setCount; s++) {
      for (let q = 0; q < k; q++) {
        const item = slots[s * k + q];
        this.member[s * n + item] = 1;
        this.bumpPosition(item, q, 1);
        for (let r = q + 1; r < k; r++) this.cost += this.bumpPair(item, slots[s * k + r], 1);
      }
    }
  }

  private bumpPair(a: number, b: number, d: number): number {
    const index = a < b ? a * this.p.itemCount + b : b * this.p.itemCount + a;
    const delta = squareDelta(this.pairs[index], this.p.priorPairs[index], d);
    this.pairs[index] += d;
    return delta;
  }

  private bumpPosition(item: number, position: number, d: number): number {
    const index = item * this.p.itemsPerSet + position;
    const delta = squareDelta(this.positions[index], this.p.priorPositions[index], d);
    this.positions[index] += d;
    return delta;
  }

  /** Whether swapping the items of two slots in different sets keeps every set free of repeats. */
  canSwapAcross(x: number, y: number): boolean {
    const { itemCount: n, itemsPerSet: k } = this.p;
    const setX = Math.floor(x / k);
    const setY = Math.floor(y / k);
    const a = this.slots[x];
    const b = this.slots[y];
    return setX !== setY && a !== b && !this.member[setX * n + b] && !this.member[setY * n + a];
  }

  /** Swaps two slots and returns the cost change; the same call again undoes it. */
  swap(x: number, y: number, withPairs: boolean): number {
    // Phase 1 (withPairs) weighs pairs only; positions are still tracked so phase 2 starts from true counts.
    const { itemCount: n, itemsPerSet: k } = this.p;
    const setX = Math.floor(x / k);
    const setY = Math.floor(y / k);
    const a = this.slots[x];
    const b = this.slots[y];
    let delta = 0;
    if (withPairs && setX !== setY) {
      for (let q = setX * k; q < setX * k + k; q++) {
        if (q === x) continue;
        delta += this.bumpPair(a, this.slots[q], -1) + this.bumpPair(b, this.slots[q], 1);
      }
      for (let q = setY * k; q < setY * k + k; q++) {
        if (q === y) continue;
        delta += this.bumpPair(b, this.slots[q], -1) + this.bumpPair(a, this.slots[q], 1);
      }
      this.member[setX * n + a] = 0;
      this.member[setY * n + b] = 0;
      this.member[setX * n + b] = 1;
      this.member[setY * n + a] = 1;
    }
    const positionDelta =
      this.bumpPosition(a, x % k, -1) + this.bumpPosition(a, y % k, 1) + this.bumpPosition(b, y % k, -1) + this.bumpPosition(b, x % k, 1);
    if (!withPairs) delta += positionDelta;
    this.slots[x] = b;
    this.slots[y] = a;
    this.cost += delta;
    return delta;
  }
}

/** Phase 1: random starts, each improved by swapping items between sets; keeps the best. */
function balancePairs(p: VersionSearchParams): VersionState {
  const slotCount = p.setCount * p.itemsPerSet;
  let best: VersionState | undefined;
  for (let start = 0; start < p.starts; start++) {
    const state = new VersionState(p, randomStart(p));
    if (p.setCount > 1) {
      let lastImprovement = 0;
      for (let move = 0; move < p.movesPerStart && move - lastImprovement < p.patience; move++) {
        const x = randomInt(p.random, slotCount);
        const y = randomInt(p.random, slotCount);
        if (!state.canSwapAcross(x, y)) continue;
        const delta = state.swap(x, y, true);
        if (delta > 0) state.swap(x, y, true);
        else if (delta < 0) lastImprovement = move;
      }
    }
    if (!best || state.cost < best.cost) best = state;
  }
  return best!;
}

/** Phase 2: reorders items within sets only, which cannot disturb the pairs, to even out positions. */
function balancePositions(p: VersionSearchParams, state: VersionState): Int32Array {
  const k = p.itemsPerSet;
  const slotCount = p.setCount * k;
  let bestSlots = Int32Array.from(state.slots);
  let bestCost = state.cost;
  for (let start = 0; start < p.starts; start++) {
    if (start > 0) {
      // A fresh random order of every set, to leave the previous local optimum.
      for (let x = 0; x < slotCount; x++) {
        const y = Math.floor(x / k) * k + randomInt(p.random, k);
        if (x !== y) state.swap(x, y, false);
      }
    }
    let lastImprovement = 0;
    for (let move = 0; move < p.movesPerStart && move - lastImprovement < p.patience; move++) {
      const set = randomInt(p.random, p.setCount);
      const x = set * k + randomInt(p.random, k);
      const y = set * k + randomInt(p.random, k);
      if (x === y) continue;
      const delta = state.swap(x, y, false);
      if (delta > 0) state.swap(x, y, false);
      else if (delta < 0) lastImprovement = move;
    }
    if (state.cost < bestCost) {
      bestCost = state.cost;
      bestSlots = Int32Array.from(state.slots);
    }
  }
  return bestSlots;
}

/**
 * Moves that do not worsen the cost are kept, so the search can wander across plateaus of equally
 * good designs. Returns the slots of the version found.
 */
export function searchVersion(p: VersionSearchParams): Int32Array {
  return balancePositions(p, balancePairs(p));
}
