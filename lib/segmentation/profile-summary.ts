import { isMarker } from "@/lib/analysis";
import type { SegmentationVariable } from "@/db/schema/segments";
import { recommendedMinimumSample } from "./build-basis-matrix";

export type SegmentSummary = {
  position: number;
  name: string;
  size: number;
  /** size / respondents, 0..1. */
  share: number;
  means: number[];
  /** Segment mean − total mean per variable. */
  differences: number[];
  /** Dolnicar's marker rule (≥ 0.25 absolute or ≥ 50 % relative difference) per variable. */
  marked: boolean[];
};

export type SegmentationSummary = {
  k: number;
  seed: number;
  restarts: number;
  respondentCount: number;
  withinSS: number;
  variables: SegmentationVariable[];
  totalMeans: number[];
  segments: SegmentSummary[];
  sampleSize: { recommendedMinimum: number; belowRecommendation: boolean };
};

export type SummaryInput = Omit<SegmentationSummary, "segments" | "sampleSize" | "k"> & {
  segments: { name: string; size: number; means: number[] }[];
};

export function defaultSegmentName(position: number): string {
  return `Segment ${position + 1}`;
}

/**
 * The one shape the profile views read, built the same way for a fresh run and for a saved
 * solution (from its stored sizes and means), so both always show the same markers.
 */
export function summarizeSegmentation(input: SummaryInput): SegmentationSummary {
  const recommendedMinimum = recommendedMinimumSample(input.variables.length);
  return {
    ...input,
    k: input.segments.length,
    segments: input.segments.map((segment, position) => {
      const differences = segment.means.map((mean, j) => mean - input.totalMeans[j]);
      return {
        position,
        name: segment.name,
        size: segment.size,
        share: input.respondentCount > 0 ? segment.size / input.respondentCount : 0,
        means: segment.means,
        differences,
        marked: segment.means.map((mean, j) => segment.size > 0 && isMarker(mean, input.totalMeans[j])),
      };
    }),
    sampleSize: { recommendedMinimum, belowRecommendation: input.respondentCount < recommendedMinimum },
  };
}
