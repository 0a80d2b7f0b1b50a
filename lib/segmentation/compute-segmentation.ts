import { fitKMeansWithRestarts, matrixToRows, segmentProfiles } from "@/lib/analysis";
import { AppError } from "@/lib/errors";
import type { BasisMatrix } from "./build-basis-matrix";
import { defaultSegmentName, summarizeSegmentation, type SegmentationSummary } from "./profile-summary";

export type KMeansSettings = { k: number; restarts: number; seed: number };

export type ComputedSegmentation = {
  summary: SegmentationSummary;
  /** k × variables, in segment order (largest first). */
  centroids: number[][];
  /** Segment position per basis row. */
  assignments: Int32Array;
};

/**
 * The numeric core of a run, free of I/O so a later issue can move it into a worker thread
 * unchanged: best of `restarts` seeded k-means++ starts, segments ordered by size.
 */
export function computeSegmentation(basis: BasisMatrix, settings: KMeansSettings): ComputedSegmentation {
  const n = basis.matrix.rows;
  if (settings.k > n) {
    throw new AppError("invalid", `Only ${n} usable responses: choose fewer segments.`, {
      k: [`Choose at most ${n} segments for ${n} usable responses`],
    });
  }
  const result = fitKMeansWithRestarts(basis.matrix, settings);
  if (result.sizes.some((size) => size === 0)) {
    // k-means leaves a segment empty only when fewer distinct answer patterns than k exist.
    throw new AppError("invalid", "The answers have fewer distinct patterns than segments: choose fewer segments.", {
      k: ["Too many segments for these answers"],
    });
  }
  const profiles = segmentProfiles(basis.matrix, result.assignments, settings.k);
  const summary = summarizeSegmentation({
    seed: settings.seed,
    restarts: settings.restarts,
    respondentCount: n,
    withinSS: result.totalWithinSS,
    variables: basis.variables,
    totalMeans: profiles.totalMeans,
    segments: profiles.segments.map((segment, position) => ({ name: defaultSegmentName(position), size: segment.size, means: segment.means })),
  });
  return { summary, centroids: matrixToRows(result.centroids), assignments: result.assignments };
}
