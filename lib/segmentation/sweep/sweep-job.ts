import { availableParallelism } from "node:os";
import { findAnalysisRun, storeAnalysisRunResults } from "@/db/queries/analysis-runs";
import { runSweepInWorkers } from "@/lib/analysis/sweep-workers";
import type { JobHandler } from "@/lib/jobs/job-context";
import { loadAnalysisDataset } from "../dataset/load-dataset";
import { parseRunConfig } from "./run-config";
import { summarizeSweep } from "./sweep-results";

/** The design asks for two cores when present; more would starve the app's requests on small machines. */
const MAX_THREADS = 2;

/**
 * The segmentation-sweep job: reloads the run's dataset, runs lib/analysis's sweep (k-means with
 * restarts, silhouette and bootstrap stability for every k) in worker threads, reports progress per
 * task (one full-data fit per k, then one per k and bootstrap pair), and stores the results only at
 * the end (a cancelled or failed run keeps none).
 */
export const runSegmentationSweepJob: JobHandler = async (ctx) => {
  const { runId } = ctx.job.payload as { runId?: string };
  const run = runId ? await findAnalysisRun(ctx.db, { workspaceId: ctx.job.workspaceId, runId }) : undefined;
  if (!run) throw new Error("The analysis run of this job no longer exists.");
  const config = parseRunConfig(run.config);
  await ctx.progress({ done: 0, unit: "steps" }, { force: true });
  const dataset = await loadAnalysisDataset(ctx.db, { workspaceId: ctx.job.workspaceId, studyId: run.studyId, input: config });
  const { matrix, profileMatrix } = dataset.prepared;
  // Silhouette needs a segment with two or more rows, so k stops one below the number of respondents.
  const kMax = Math.min(config.kMax, matrix.rows - 1);
  if (kMax < config.kMin) throw new Error(`Only ${matrix.rows} usable responses: too few for k = ${config.kMin}.`);
  const threads = Math.min(MAX_THREADS, availableParallelism());
  // Progress writes are chained so they land in order; the last one is forced once the sweep ends.
  let lastProgress = { done: 0, total: 0, stage: "" };
  let writes: Promise<void> = Promise.resolve();
  const sweep = await runSweepInWorkers(
    matrix,
    { kMin: config.kMin, kMax, restarts: config.restarts, bootstraps: config.bootstraps, seed: config.seed, silhouetteSample: 2000 },
    {
      threads,
      signal: ctx.signal,
      onProgress: ({ k, completed, total }) => {
        // Cancellation surfaces through ctx.signal, which stops the workers; the rejection here is that same cancel.
        lastProgress = { done: completed, total, stage: `k = ${k}` };
        writes = writes.then(() => ctx.progress({ ...lastProgress, unit: "steps" })).catch(() => {});
      },
    },
  );
  await writes;
  await ctx.progress({ ...lastProgress, unit: "steps" }, { force: true });
  const summary = summarizeSweep({ sweep, profileMatrix, prepared: dataset.prepared, threads });
  await storeAnalysisRunResults(ctx.db, {
    workspaceId: ctx.job.workspaceId,
    runId: run.id,
    results: summary as unknown as Record<string, unknown>,
    dataFingerprint: dataset.fingerprint,
    respondentCount: matrix.rows,
  });
  return { runId: run.id, recommendedK: summary.recommendation?.k ?? null };
};
