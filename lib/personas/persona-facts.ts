import { distinctiveVariables, type DistinctiveVariables, type BasisVariable } from "./distinctive-variables";

/** The figures a persona page and the API show beside the team's words: size, share, top motives vs total. */

export type PersonaFacts = {
  size: number;
  respondentCount: number;
  /** size / respondentCount, 0..1 */
  share: number;
  distinctive: DistinctiveVariables;
};

export function segmentShare(size: number, respondentCount: number): number {
  return respondentCount > 0 ? size / respondentCount : 0;
}

export function personaFacts(
  segment: { size: number; means: readonly number[] },
  segmentation: { variables: readonly BasisVariable[]; totalMeans: readonly number[]; respondentCount: number },
): PersonaFacts {
  return {
    size: segment.size,
    respondentCount: segmentation.respondentCount,
    share: segmentShare(segment.size, segmentation.respondentCount),
    distinctive: distinctiveVariables(segmentation.variables, segment.means, segmentation.totalMeans),
  };
}
