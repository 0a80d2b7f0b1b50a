/**
 * Lloyd iterations accelerated with Hamerly's bounds (Hamerly 2010): each row
 * keeps an upper bound on the distance to its own centre and a lower bound on
 * the distance to any other; when the bounds prove the own centre is still
 * nearest, the row is skipped. Skips only happen when the own centre is
 * strictly nearest, so labels equal plain Lloyd's step for step, ties
 * included (lowest index wins), which the ml-kmeans oracle tests check.
 */

import { centreDistances, DISTANCE_BLOCK, squaredDistance, type CentreDistances } from "./distance-kernels";

export interface LloydRun {
  centers: Float64Array;
  labels: Int32Array;
  iterations: number;
  converged: boolean;
}

// Distances and bounds carry rounding error; a skip needs this much room
// (relative, plus absolute against the root-mean-square row norm passed in as
// `scale`) so that it never hides a change plain Lloyd would make.
const RELATIVE_MARGIN = 1e-10;
const ABSOLUTE_MARGIN = 1e-10;

export function runLloyd(
  data: Float64Array,
  n: number,
  d: number,
  start: Float64Array,
  k: number,
  maxIterations: number,
  shiftLimit: number,
  scale: number,
): LloydRun {
  let centers: Float64Array = start;
  let next: Float64Array = new Float64Array(k * d);
  const labels = new Int32Array(n).fill(-1);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const half = new Float64Array(k);
  // How far each centre moved in the last update, and how far that may have brought any other
  // centre closer to a row of that segment; applied to the bounds at the start of the next step.
  const drift = new Float64Array(k);
  const lowerDrift = new Float64Array(k);
  // Running column sums per cluster: after the first pass only rows that
  // change segment are moved, instead of re-summing all n rows every step.
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  const margin = ABSOLUTE_MARGIN * scale;
  let boundsValid = false;
  let iterations = 0;
  let converged = false;
  let stable = false;

  const distances = centreDistances(k, d);
  distances.useData(data);
  const pending = new Int32Array(DISTANCE_BLOCK);
  const pendingBound = new Float64Array(DISTANCE_BLOCK);
  const state: BoundState = { data, n, d, k, labels, upper, lower, sums, counts, distances, half, margin, pending, pendingBound, drift, lowerDrift };

  const assign = (): number => {
    distances.setCentres(centers);
    if (boundsValid) return assignWithBounds(state, centers);
    const changed = assignAll(state);
    sumByLabel(data, n, d, labels, k, sums, counts);
    boundsValid = true;
    return changed;
  };

  while (iterations < maxIterations) {
    iterations++;
    const changed = assign();
    const relocated = relocateEmpty(data, n, d, k, labels, sums, counts, centers);
    if (relocated) boundsValid = false;
    let shift = 0;
    let maxDrift = 0;
    let maxDriftCentre = 0;
    let secondDrift = 0;
    for (let c = 0; c < k; c++) {
      let moved = 0;
      for (let j = c * d; j < (c + 1) * d; j++) {
        next[j] = counts[c] > 0 ? sums[j] / counts[c] : centers[j];
        const t = next[j] - centers[j];
        moved += t * t;
      }
      shift += moved;
      drift[c] = Math.sqrt(moved);
      if (drift[c] > maxDrift) {
        secondDrift = maxDrift;
        maxDrift = drift[c];
        maxDriftCentre = c;
      } else if (drift[c] > secondDrift) {
        secondDrift = drift[c];
      }
    }
    for (let c = 0; c < k; c++) lowerDrift[c] = c === maxDriftCentre ? secondDrift : maxDrift;
    const swap = centers;
    centers = next;
    next = swap;
    // A re-seeded cluster has not settled yet, whatever the shift says.
    if (!relocated && (changed === 0 || shift <= shiftLimit)) {
      converged = true;
      stable = changed === 0 && shift === 0;
      break;
    }
  }
  // Labels came from the previous centres; bring them up to date unless nothing moved.
  if (!stable) assign();
  return { centers, labels, iterations, converged };
}

/** Everything one fit's assignment step reads and writes, passed explicitly so the hot loops work on locals. */
interface BoundState {
  data: Float64Array;
  n: number;
  d: number;
  k: number;
  labels: Int32Array;
  upper: Float64Array;
  lower: Float64Array;
  sums: Float64Array;
  counts: Int32Array;
  /** Distances from blocks of rows to the current centres. */
  distances: CentreDistances;
  half: Float64Array;
  margin: number;
  /** Rows the bounds could not settle (one block at a time), and the bound each must beat. */
  pending: Int32Array;
  pendingBound: Float64Array;
  drift: Float64Array;
  lowerDrift: Float64Array;
}

/** Full assignment of every row (first step, or after a re-seeded cluster): exact bounds, no sums yet. */
function assignAll(state: BoundState): number {
  const { data, n, distances } = state;
  const { stride } = distances;
  let changed = 0;
  for (let i = 0; i < n; i += DISTANCE_BLOCK) {
    const count = Math.min(DISTANCE_BLOCK, n - i);
    const base = distances.ofBlock(data, i, count);
    const out = distances.out;
    for (let r = 0; r < count; r++) changed += settleRow(state, i + r, out, base + r * stride, false);
  }
  return changed;
}

/**
 * Hamerly's step: the bounds first take in the centres' last moves (in the same pass, to read the
 * rows' bounds once), then rows whose bounds prove their centre is still nearest are skipped. The
 * rest are gathered a block at a time and settled while that stretch of rows is still in cache
 * (random reads of rows all over the data, not the arithmetic, were what cost most here).
 */
function assignWithBounds(state: BoundState, centers: Float64Array): number {
  const { n, d, k, labels, upper, lower, half, margin, pending, pendingBound, drift, lowerDrift } = state;
  halfDistancesToNearestCentre(centers, k, d, half);
  // With the WebAssembly kernels every distance of a gathered row costs about what its own-centre
  // distance alone costs in JavaScript, so the own-centre check is left out there. Which rows are
  // skipped never changes a label (a skip needs proof), so both ways give the same partition.
  const tighten = state.distances.backend === "js";
  let count = 0;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const own = labels[i];
    const u = upper[i] + drift[own];
    const l = lower[i] - lowerDrift[own];
    upper[i] = u;
    lower[i] = l;
    const h = half[own];
    const bound = h > l ? h : l;
    if (provablyNearest(u, bound, margin)) continue;
    pending[count] = i;
    pendingBound[count] = bound;
    count++;
    if (count === DISTANCE_BLOCK) {
      changed += settlePending(state, centers, count, tighten);
      count = 0;
    }
  }
  if (count > 0) changed += settlePending(state, centers, count, tighten);
  return changed;
}

/**
 * Settles the gathered rows pending[0..count): optionally first the exact own-centre distance (which
 * alone may prove the row stays), then every distance for the rest. Rows are settled in row order,
 * as a one-row-at-a-time loop would, so the running sums add up identically.
 */
function settlePending(state: BoundState, centers: Float64Array, count: number, tighten: boolean): number {
  const { data, d, labels, upper, margin, pending, pendingBound, distances } = state;
  let open = count;
  if (tighten) {
    let p = 0;
    for (; p + 4 <= count; p += 4) {
      const b0 = pending[p] * d;
      const b1 = pending[p + 1] * d;
      const b2 = pending[p + 2] * d;
      const b3 = pending[p + 3] * d;
      const c0 = labels[pending[p]] * d;
      const c1 = labels[pending[p + 1]] * d;
      const c2 = labels[pending[p + 2]] * d;
      const c3 = labels[pending[p + 3]] * d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < d; j++) {
        const t0 = data[b0 + j] - centers[c0 + j];
        const t1 = data[b1 + j] - centers[c1 + j];
        const t2 = data[b2 + j] - centers[c2 + j];
        const t3 = data[b3 + j] - centers[c3 + j];
        s0 += t0 * t0;
        s1 += t1 * t1;
        s2 += t2 * t2;
        s3 += t3 * t3;
      }
      upper[pending[p]] = Math.sqrt(s0);
      upper[pending[p + 1]] = Math.sqrt(s1);
      upper[pending[p + 2]] = Math.sqrt(s2);
      upper[pending[p + 3]] = Math.sqrt(s3);
    }
    for (; p < count; p++) {
      const i = pending[p];
      upper[i] = Math.sqrt(squaredDistance(data, i * d, centers, labels[i] * d, d));
    }
    open = 0;
    for (p = 0; p < count; p++) {
      const i = pending[p];
      if (!provablyNearest(upper[i], pendingBound[p], margin)) pending[open++] = i;
    }
  }
  if (open === 0) return 0;
  const { stride } = distances;
  const base = distances.ofRows(data, pending, 0, open);
  const out = distances.out;
  let changed = 0;
  for (let r = 0; r < open; r++) changed += settleRow(state, pending[r], out, base + r * stride, true);
  return changed;
}

/** Nearest centre for row i from its k distances (ties → lowest index); sets both bounds exactly; moves the row's sums when asked. */
function settleRow(state: BoundState, i: number, distances: Float64Array, at: number, keepSums: boolean): number {
  const { data, d, k, labels, upper, lower } = state;
  let best = 0;
  let bestDist = Infinity;
  let secondDist = Infinity;
  for (let c = 0; c < k; c++) {
    const s = distances[at + c];
    // Strict < : ties go to the lowest index, as in ml-kmeans and scikit-learn.
    if (s < bestDist) {
      secondDist = bestDist;
      bestDist = s;
      best = c;
    } else if (s < secondDist) {
      secondDist = s;
    }
  }
  upper[i] = Math.sqrt(bestDist);
  lower[i] = Math.sqrt(secondDist);
  const previous = labels[i];
  if (previous === best) return 0;
  labels[i] = best;
  if (keepSums) moveRow(data, i * d, d, state.sums, previous * d, best * d, state.counts, previous, best);
  return 1;
}

function provablyNearest(upperBound: number, otherBound: number, margin: number): boolean {
  return upperBound * (1 + RELATIVE_MARGIN) + margin < otherBound;
}



function halfDistancesToNearestCentre(centers: Float64Array, k: number, d: number, out: Float64Array): void {
  out.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const h = Math.sqrt(squaredDistance(centers, a * d, centers, b * d, d)) / 2;
      if (h < out[a]) out[a] = h;
      if (h < out[b]) out[b] = h;
    }
  }
}

function moveRow(
  data: Float64Array,
  base: number,
  d: number,
  sums: Float64Array,
  fromBase: number,
  toBase: number,
  counts: Int32Array,
  from: number,
  to: number,
): void {
  for (let j = 0; j < d; j++) {
    sums[fromBase + j] -= data[base + j];
    sums[toBase + j] += data[base + j];
  }
  counts[from]--;
  counts[to]++;
}

/** Column sums and counts per label, summed in row order (as ml-kmeans does). */
function sumByLabel(
  data: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  k: number,
  sums: Float64Array,
  counts: Int32Array,
): void {
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const cb = labels[i] * d;
    const base = i * d;
    counts[labels[i]]++;
    for (let j = 0; j < d; j++) sums[cb + j] += data[base + j];
  }
}

/**
 * An empty cluster takes the row farthest from its centre (as scikit-learn
 * does), drawn only from clusters that keep another member. With fewer
 * distinct rows than k nothing is away from its centre: the cluster keeps its
 * old centre and stays empty. Returns whether any row moved. Rare, so the
 * exact distances are computed here rather than kept per iteration.
 */
function relocateEmpty(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  labels: Int32Array,
  sums: Float64Array,
  counts: Int32Array,
  previous: Float64Array,
): boolean {
  let dist: Float64Array | null = null;
  let moved = false;
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) continue;
    if (dist === null) {
      dist = new Float64Array(n);
      for (let i = 0; i < n; i++) dist[i] = squaredDistance(data, i * d, previous, labels[i] * d, d);
    }
    let far = -1;
    let farDist = 0;
    for (let i = 0; i < n; i++) {
      if (dist[i] > farDist && counts[labels[i]] > 1) {
        farDist = dist[i];
        far = i;
      }
    }
    if (far < 0) continue;
    const from = labels[far];
    sums.fill(0, c * d, (c + 1) * d);
    moveRow(data, far * d, d, sums, from * d, c * d, counts, from, c);
    labels[far] = c;
    dist[far] = 0;
    moved = true;
  }
  return moved;
}
