/** Assigning respondents to a saved solution, and comparing two solutions of the same respondents. */
import { adjustedRandIndex } from "./agreement";
import { squaredDistance } from "./distance-kernels";
import type { Matrix } from "./matrix";

export interface Assignment {
  /** Segment (row of the centroid matrix) per respondent; ties go to the lowest segment. */
  assignments: Int32Array;
  /** Euclidean distance to the assigned centroid, e.g. to find respondents typical of a segment. */
  distances: Float64Array;
  sizes: Int32Array;
}

/**
 * Nearest saved centroid per row. The rows must be preprocessed with the solution's own
 * preprocessing (see `applyPreprocessing`), so new waves land in the same space.
 */
export function assignToCentroids(matrix: Matrix, centroids: Matrix): Assignment {
  if (centroids.cols !== matrix.cols) {
    throw new Error(`The solution has ${centroids.cols} variables but the data has ${matrix.cols}`);
  }
  const { data, rows: n, cols: d } = matrix;
  const assignments = new Int32Array(n);
  const distances = new Float64Array(n);
  const sizes = new Int32Array(centroids.rows);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestDist = Infinity;
    for (let c = 0; c < centroids.rows; c++) {
      const s = squaredDistance(data, i * d, centroids.data, c * d, d);
      if (s < bestDist) {
        bestDist = s;
        best = c;
      }
    }
    assignments[i] = best;
    distances[i] = Math.sqrt(bestDist);
    sizes[best]++;
  }
  return { assignments, distances, sizes };
}

export interface SolutionComparison {
  n: number;
  /** crossTab[a][b]: respondents in segment a of the first solution and b of the second. */
  crossTab: number[][];
  rowTotals: number[];
  columnTotals: number[];
  adjustedRandIndex: number;
}

/**
 * Cross-tabulation and adjusted Rand index of two segmentations of the same respondents (labels
 * 0..k−1, in the same respondent order). Segment counts default to the largest label + 1.
 */
export function compareSolutions(
  first: ArrayLike<number>,
  second: ArrayLike<number>,
  sizes: { firstK?: number; secondK?: number } = {},
): SolutionComparison {
  const n = first.length;
  if (second.length !== n) throw new Error(`The solutions cover different numbers of respondents: ${n} and ${second.length}`);
  if (n === 0) throw new Error("The solutions have no respondents in common");
  const kOf = (labels: ArrayLike<number>, given: number | undefined, name: string) => {
    let max = -1;
    for (let i = 0; i < labels.length; i++) {
      const s = labels[i];
      if (!Number.isInteger(s) || s < 0) throw new Error(`Segment ${s} of respondent ${i} in the ${name} solution is not a segment number`);
      if (s > max) max = s;
    }
    if (given !== undefined && max >= given) throw new Error(`The ${name} solution has segment ${max} but only ${given} segments`);
    return given ?? max + 1;
  };
  const ka = kOf(first, sizes.firstK, "first");
  const kb = kOf(second, sizes.secondK, "second");
  const crossTab = Array.from({ length: ka }, () => new Array<number>(kb).fill(0));
  for (let i = 0; i < n; i++) crossTab[first[i]][second[i]]++;
  return {
    n,
    crossTab,
    rowTotals: crossTab.map((row) => row.reduce((a, b) => a + b, 0)),
    columnTotals: Array.from({ length: kb }, (_, j) => crossTab.reduce((sum, row) => sum + row[j], 0)),
    adjustedRandIndex: adjustedRandIndex(first, second),
  };
}
