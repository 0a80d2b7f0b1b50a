import type { SavedSegmentation } from "./get-segmentation";

/** The API's view of a saved solution: summaries and profiles, never respondent-level data. */
export function segmentationJson(solution: SavedSegmentation) {
  const { summary } = solution;
  return {
    id: solution.id,
    studyId: solution.studyId,
    surveyId: solution.survey?.id ?? null,
    surveyTitle: solution.survey?.title ?? null,
    method: solution.method,
    name: solution.name,
    createdAt: solution.createdAt.toISOString(),
    k: summary.k,
    seed: summary.seed,
    restarts: summary.restarts,
    respondentCount: summary.respondentCount,
    withinSS: summary.withinSS,
    sampleSize: summary.sampleSize,
    variables: summary.variables,
    totalMeans: summary.totalMeans,
    centroids: solution.centroids,
    segments: summary.segments.map((segment, index) => ({ id: solution.segmentIds[index]!, ...segment })),
  };
}
