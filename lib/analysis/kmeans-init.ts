import { squaredDistance } from "./kmeans-lloyd";
import type { Matrix } from "./matrix";
import { randomInt, type Random } from "./random";

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with the local
 * trials scikit-learn uses): each new centre is the best of
 * 2 + ⌊ln k⌋ candidates drawn with probability ∝ D², judged by the total
 * squared distance it would leave. The greedy trials make poor starts rarer,
 * so fewer restarts are wasted.
 *
 * Works on three n-length buffers allocated once; nothing is allocated per row.
 * Returns the k × cols centres as a flat row-major buffer.
 */
export function kmeansPlusPlus(matrix: Matrix, k: number, random: Random): Float64Array {
  const { data, rows: n, cols: d } = matrix;
  const centers = new Float64Array(k * d);
  const localTrials = 2 + Math.floor(Math.log(k));

  let closest = new Float64Array(n); // D²: squared distance to the nearest chosen centre
  let trial = new Float64Array(n);
  let bestTrial = new Float64Array(n);

  const first = randomInt(random, n);
  centers.set(data.subarray(first * d, first * d + d), 0);
  let potential = distancesToRow(data, n, d, first, closest, null);

  for (let c = 1; c < k; c++) {
    let bestPotential = Infinity;
    let bestCandidate = -1;
    for (let t = 0; t < localTrials; t++) {
      const candidate = potential > 0 ? sampleByWeight(closest, potential * random()) : randomInt(random, n);
      const candidatePotential = distancesToRow(data, n, d, candidate, trial, closest);
      // Strict < keeps the earliest trial on ties, so results do not depend on float noise order.
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestCandidate = candidate;
        const swap = bestTrial;
        bestTrial = trial;
        trial = swap;
      }
    }
    centers.set(data.subarray(bestCandidate * d, bestCandidate * d + d), c * d);
    const swap = closest;
    closest = bestTrial;
    bestTrial = swap;
    potential = bestPotential;
  }
  return centers;
}

/**
 * Writes into `out` the squared distance of every row to row `r`, capped by
 * `cap` (the current D²) when given; returns the sum.
 */
function distancesToRow(
  data: Float64Array,
  n: number,
  d: number,
  r: number,
  out: Float64Array,
  cap: Float64Array | null,
): number {
  const rb = r * d;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = squaredDistance(data, i * d, data, rb, d);
    if (cap !== null && cap[i] < s) s = cap[i];
    out[i] = s;
    total += s;
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
