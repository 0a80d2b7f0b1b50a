import type { Database } from "@/db/client";
import { insertSegmentation } from "@/db/queries/segmentations";
import { runSegmentation } from "./run-segmentation";
import type { TRunSegmentationInput } from "./schemas";

const MAX_DEFAULT_NAME_LABEL = 80;

/** "Why do you travel? · 3 segments": enough to tell solutions apart in the list until someone renames them. */
export function defaultSolutionName(questionLabel: string, k: number): string {
  const label = questionLabel.length > MAX_DEFAULT_NAME_LABEL ? `${questionLabel.slice(0, MAX_DEFAULT_NAME_LABEL - 1)}…` : questionLabel;
  return `${label} · ${k} segments`;
}

/**
 * Runs k-means again on the server (the seed makes it reproduce the preview) rather than trusting
 * a result sent by the client, then stores the solution, its segments and every assignment at once.
 */
export async function saveSegmentation(
  db: Database,
  params: { workspaceId: string; studyId: string; userId: string | undefined; input: TRunSegmentationInput },
) {
  const run = await runSegmentation(db, params);
  const { summary } = run;
  const name = params.input.name || defaultSolutionName(run.question.label, summary.k);
  const { id } = await insertSegmentation(db, {
    workspaceId: params.workspaceId,
    studyId: params.studyId,
    surveyId: run.survey.id,
    name,
    k: summary.k,
    seed: summary.seed,
    restarts: summary.restarts,
    variables: summary.variables,
    centroids: run.centroids,
    totalMeans: summary.totalMeans,
    withinSS: summary.withinSS,
    respondentCount: summary.respondentCount,
    createdBy: params.userId,
    segments: summary.segments.map((segment) => ({ name: segment.name, size: segment.size, means: segment.means })),
    assignments: { responseIds: run.basis.responseIds, positions: run.assignments },
  });
  return { id, name };
}
