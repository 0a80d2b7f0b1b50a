import { columnMeans, type Matrix } from "./matrix";

/**
 * Marker rule of Dolnicar, Grün & Leisch (2018), used for the segment profile
 * plot: a variable characterises a segment when its segment mean differs from
 * the total mean by at least 0.25 in absolute terms, or by at least 50 % of
 * the total mean in relative terms.
 */
export const MARKER_ABSOLUTE_DIFFERENCE = 0.25;
export const MARKER_RELATIVE_DIFFERENCE = 0.5;
// Means like 0.35 − 0.1 land a hair under 0.25 in binary floating point; the
// slack keeps hand-checkable boundary cases on the side a reader expects.
const EPSILON = 1e-9;

export interface SegmentProfile {
  segment: number;
  size: number;
  /** size / all rows, 0..1. */
  share: number;
  /** Mean per variable; NaN for an empty segment. */
  means: number[];
  /** Segment mean − total mean per variable. */
  differences: number[];
  /** Marker flag per variable (see the rule above); false for an empty segment. */
  marked: boolean[];
}

export interface SegmentProfiles {
  totalMeans: number[];
  segments: SegmentProfile[];
}

export function isMarker(segmentMean: number, totalMean: number): boolean {
  const difference = Math.abs(segmentMean - totalMean);
  if (difference >= MARKER_ABSOLUTE_DIFFERENCE - EPSILON) return true;
  // Relative difference is undefined for a zero total mean; only the absolute rule applies there.
  if (totalMean === 0) return false;
  return difference / Math.abs(totalMean) >= MARKER_RELATIVE_DIFFERENCE - EPSILON;
}

export function segmentProfiles(matrix: Matrix, assignments: ArrayLike<number>, k: number): SegmentProfiles {
  const { data, rows: n, cols: d } = matrix;
  if (!Number.isInteger(k) || k < 1) throw new Error(`Number of segments k must be a positive integer, got ${k}`);
  if (assignments.length !== n) {
    throw new Error(`Got ${assignments.length} assignments for ${n} rows`);
  }
  const sums = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const s = assignments[i];
    if (!Number.isInteger(s) || s < 0 || s >= k) {
      throw new Error(`Assignment ${s} of row ${i} is outside 0..${k - 1}`);
    }
    sizes[s]++;
    const base = i * d;
    for (let j = 0; j < d; j++) sums[s * d + j] += data[base + j];
  }
  const totalMeans = Array.from(columnMeans(matrix));

  const segments: SegmentProfile[] = [];
  for (let s = 0; s < k; s++) {
    const size = sizes[s];
    const means = new Array<number>(d);
    const differences = new Array<number>(d);
    const marked = new Array<boolean>(d);
    for (let j = 0; j < d; j++) {
      means[j] = size > 0 ? sums[s * d + j] / size : NaN;
      differences[j] = means[j] - totalMeans[j];
      marked[j] = size > 0 && isMarker(means[j], totalMeans[j]);
    }
    segments.push({ segment: s, size, share: size / n, means, differences, marked });
  }
  return { totalMeans, segments };
}
