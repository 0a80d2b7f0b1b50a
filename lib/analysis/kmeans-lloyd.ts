/**
 * Lloyd iterations accelerated with Hamerly's bounds (Hamerly 2010): each row
 * keeps an upper bound on the distance to its own centre and a lower bound on
 * the distance to any other; when the bounds prove the own centre is still
 * nearest, the row is skipped. Skips only happen when the own centre is
 * strictly nearest, so labels equal plain Lloyd's step for step, ties
 * included (lowest index wins), which the ml-kmeans oracle tests check.
 */

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
  const drift = new Float64Array(k);
  // Running column sums per cluster: after the first pass only rows that
  // change segment are moved, instead of re-summing all n rows every step.
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  const margin = ABSOLUTE_MARGIN * scale;
  let boundsValid = false;
  let iterations = 0;
  let converged = false;
  let stable = false;

  const assignRow = (i: number): number => {
    const base = i * d;
    let best = 0;
    let bestDist = Infinity;
    let secondDist = Infinity;
    for (let c = 0; c < k; c++) {
      const s = squaredDistance(data, base, centers, c * d, d);
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
    if (boundsValid) moveRow(data, base, d, sums, previous * d, best * d, counts, previous, best);
    return 1;
  };

  const assign = (): number => {
    let changed = 0;
    if (!boundsValid) {
      for (let i = 0; i < n; i++) changed += assignRow(i);
      sumByLabel(data, n, d, labels, k, sums, counts);
      boundsValid = true;
      return changed;
    }
    halfDistancesToNearestCentre(centers, k, d, half);
    for (let i = 0; i < n; i++) {
      const own = labels[i];
      const bound = Math.max(half[own], lower[i]);
      if (provablyNearest(upper[i], bound, margin)) continue;
      upper[i] = Math.sqrt(squaredDistance(data, i * d, centers, own * d, d));
      if (provablyNearest(upper[i], bound, margin)) continue;
      changed += assignRow(i);
    }
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
    const swap = centers;
    centers = next;
    next = swap;
    if (boundsValid) {
      for (let i = 0; i < n; i++) {
        upper[i] += drift[labels[i]];
        lower[i] -= labels[i] === maxDriftCentre ? secondDrift : maxDrift;
      }
    }
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

function provablyNearest(upperBound: number, otherBound: number, margin: number): boolean {
  return upperBound * (1 + RELATIVE_MARGIN) + margin < otherBound;
}

/** Summed in index order, like ml-kmeans' squaredEuclidean, so ties resolve identically. */
export function squaredDistance(a: Float64Array, ai: number, b: Float64Array, bi: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const t = a[ai + j] - b[bi + j];
    s += t * t;
  }
  return s;
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
