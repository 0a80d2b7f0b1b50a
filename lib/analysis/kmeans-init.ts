import { centreDistances, DISTANCE_BLOCK, type CentreDistances } from "./distance-kernels";
import type { Matrix } from "./matrix";
import { randomInt, type Random } from "./random";

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with the local
 * trials scikit-learn uses): each new centre is the best of
 * 2 + ⌊ln k⌋ candidates drawn with probability ∝ D², judged by the total
 * squared distance it would leave. The greedy trials make poor starts rarer,
 * so fewer restarts are wasted.
 *
 * Works on 1 + (local trials) n-length buffers allocated once; nothing is allocated per row.
 * Returns the k × cols centres as a flat row-major buffer.
 */
export function kmeansPlusPlus(matrix: Matrix, k: number, random: Random): Float64Array {
  const { data, rows: n, cols: d } = matrix;
  const centers = new Float64Array(k * d);
  const localTrials = 2 + Math.floor(Math.log(k));

  let closest = new Float64Array(n); // D²: squared distance to the nearest chosen centre
  const trials = Array.from({ length: localTrials }, () => new Float64Array(n));
  const candidates = new Int32Array(localTrials);
  const candidateRows = new Float64Array(localTrials * d);
  const potentials = new Float64Array(localTrials);
  const toTrials = centreDistances(localTrials, d);

  const first = randomInt(random, n);
  centers.set(data.subarray(first * d, first * d + d), 0);
  let potential = distancesToRow(data, n, d, first, closest);

  for (let c = 1; c < k; c++) {
    // Every trial is drawn from the same D², so all can be drawn first and judged in one pass over
    // the data (as scikit-learn does), instead of one pass per trial.
    for (let t = 0; t < localTrials; t++) {
      const candidate = potential > 0 ? sampleByWeight(closest, potential * random()) : randomInt(random, n);
      candidates[t] = candidate;
      candidateRows.set(data.subarray(candidate * d, candidate * d + d), t * d);
    }
    potentials.fill(0);
    toTrials.setCentres(candidateRows);
    const { stride } = toTrials;
    for (let i = 0; i < n; i += DISTANCE_BLOCK) {
      const count = Math.min(DISTANCE_BLOCK, n - i);
      const base = toTrials.ofBlock(data, i, count);
      const out = toTrials.out;
      for (let r = 0; r < count; r++) capTrials(trials, potentials, localTrials, out, base + r * stride, closest[i + r], i + r);
    }
    // Strict < keeps the earliest trial on ties, so results do not depend on float noise order.
    let best = 0;
    for (let t = 1; t < localTrials; t++) if (potentials[t] < potentials[best]) best = t;
    centers.set(data.subarray(candidates[best] * d, candidates[best] * d + d), c * d);
    const swap = closest;
    closest = trials[best];
    trials[best] = swap;
    potential = potentials[best];
  }
  return centers;
}

/** Row i's D² if each trial became a centre (capped by its current D²), added to the trials' potentials in row order. */
function capTrials(
  trials: Float64Array[],
  potentials: Float64Array,
  count: number,
  distances: Float64Array,
  at: number,
  cap: number,
  i: number,
): void {
  for (let t = 0; t < count; t++) {
    const s = distances[at + t] < cap ? distances[at + t] : cap;
    trials[t][i] = s;
    potentials[t] += s;
  }
}

/**
 * Writes into `out` the squared distance of every row to row `r` and returns their sum, added in
 * row order. (Only the first centre needs this; later ones are judged by `capTrials`.)
 */
function distancesToRow(data: Float64Array, n: number, d: number, r: number, out: Float64Array): number {
  const toRow: CentreDistances = centreDistances(1, d);
  toRow.setCentres(data.subarray(r * d, r * d + d));
  let total = 0;
  for (let i = 0; i < n; i += DISTANCE_BLOCK) {
    const count = Math.min(DISTANCE_BLOCK, n - i);
    const base = toRow.ofBlock(data, i, count);
    const distances = toRow.out;
    for (let q = 0; q < count; q++) {
      const s = distances[base + q * toRow.stride];
      out[i + q] = s;
      total += s;
    }
  }
  return total;
}

/**
 * First index whose running weight exceeds `target`. Strictly greater so a
 * zero-weight row (already a centre) is never drawn; the clamp covers
 * rounding when target lands at the very end.
 */
function sampleByWeight(weights: Float64Array, target: number): number {
  let running = 0;
  let lastPositive = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w > 0) {
      running += w;
      lastPositive = i;
      if (running > target) return i;
    }
  }
  return lastPositive;
}
