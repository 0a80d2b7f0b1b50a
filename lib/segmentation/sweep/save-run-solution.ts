import type { Database } from "@/db/client";
import { insertSegmentation } from "@/db/queries/segmentations";
import { matrixToRows, segmentProfiles } from "@/lib/analysis";
import { fitSweepSolutionOffThread } from "@/lib/analysis/sweep-workers";
import { AppError } from "@/lib/errors";
import { loadAnalysisDataset } from "../dataset/load-dataset";
import { defaultSegmentName } from "../profile-summary";
import { getAnalysisRun } from "./get-run";

/**
 * Saves the chosen k of a finished run as an immutable solution. The data is loaded again and must
 * have the run's fingerprint (a new response, an erasure or a changed flag would silently change
 * the segments); k-means is re-fitted with the sweep's own fit for k (`fitSweepSolution`, on a worker thread for large data; same seed
 * derivation and options), which reproduces the run's solution for that k exactly, and the solution,
 * its segments and every assignment are written at once.
 */
export async function saveRunSolution(
  db: Database,
  params: { workspaceId: string; runId: string; userId: string | undefined; k: number; name?: string; studyId?: string },
) {
  const run = await getAnalysisRun(db, params);
  if (!run || (params.studyId && run.studyId !== params.studyId)) throw new AppError("not_found", "Analysis run not found.");
  if (run.status !== "succeeded" || !run.results) throw new AppError("conflict", "The sweep has not finished: wait for its results before saving a solution.");
  const summary = run.results.ks.find((entry) => entry.k === params.k);
  if (!summary) throw new AppError("invalid", `This run has no solution for k = ${params.k}.`, { k: [`Choose k from ${run.results.ks.map((entry) => entry.k).join(", ")}`] });

  const dataset = await loadAnalysisDataset(db, { workspaceId: params.workspaceId, studyId: run.studyId, input: run.config });
  if (dataset.fingerprint !== run.dataFingerprint) {
    throw new AppError("conflict", "The data changed since this run (responses added, erased or flagged). Start a new run to segment the current data.");
  }
  const { settings } = run.results;
  const fit = await fitSweepSolutionOffThread(dataset.prepared.matrix, params.k, settings);
  // Profiles on the variables' own scale; centroids stay in the clustered space, with the transform kept beside them.
  const profiles = segmentProfiles(dataset.prepared.profileMatrix, fit.assignments, params.k);
  const { id } = await insertSegmentation(db, {
    workspaceId: params.workspaceId,
    studyId: run.studyId,
    surveyId: dataset.survey.id,
    name: params.name || `${run.name} · ${params.k} segments`,
    runId: run.id,
    config: { ...run.config, columns: dataset.prepared.columns, transform: dataset.prepared.transform },
    dataFingerprint: dataset.fingerprint,
    k: params.k,
    seed: settings.seed,
    restarts: settings.restarts,
    variables: dataset.prepared.columns.map(({ id: variableId, label }) => ({ id: variableId, label })),
    centroids: matrixToRows(fit.centroids),
    totalMeans: Array.from(profiles.totalMeans),
    withinSS: fit.totalWithinSS,
    respondentCount: dataset.prepared.matrix.rows,
    createdBy: params.userId,
    segments: profiles.segments.map((segment, position) => ({ name: defaultSegmentName(position), size: segment.size, means: Array.from(segment.means) })),
    assignments: { responseIds: dataset.prepared.rowIds, positions: fit.assignments },
  });
  return { id, studyId: run.studyId };
}
