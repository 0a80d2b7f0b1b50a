import { availableParallelism } from "node:os";
import { findAnalysisRun, storeAnalysisRunResults } from "@/db/queries/analysis-runs";
import type { JobHandler } from "@/lib/jobs/job-context";
import { startWorker } from "@/lib/workers/start-worker";
import { runSweepInWorkers, type StartSweepWorker } from "../analysis-adapter";
import { loadAnalysisDataset } from "../dataset/load-dataset";
import { parseRunConfig } from "./run-config";
import { summarizeSweep } from "./sweep-results";

/** The design asks for two cores when present; more would starve the app's requests on small machines. */
const MAX_THREADS = 2;

const startSweepWorker: StartSweepWorker = (data, transfer) => startWorker("lib/segmentation/sweep/sweep.worker.ts", data, transfer);

/**
 * The segmentation-sweep job: reloads the run's dataset, runs k-means with restarts, silhouette and
 * bootstrap stability for every k in worker threads, reports progress per k and bootstrap, and
 * stores the results only at the end (a cancelled or failed run keeps none).
 */
export const runSegmentationSweepJob: JobHandler = async (ctx) => {
  const { runId } = ctx.job.payload as { runId?: string };
  const run = runId ? await findAnalysisRun(ctx.db, { workspaceId: ctx.job.workspaceId, runId }) : undefined;
  if (!run) throw new Error("The analysis run of this job no longer exists.");
  const config = parseRunConfig(run.config);
  await ctx.progress({ done: 0, unit: "bootstraps" }, { force: true });
  const dataset = await loadAnalysisDataset(ctx.db, { workspaceId: ctx.job.workspaceId, studyId: run.studyId, input: config });
  const settings = { kMin: config.kMin, kMax: Math.min(config.kMax, dataset.prepared.matrix.rows), restarts: config.restarts, bootstraps: config.bootstraps, seed: config.seed };
  if (settings.kMax < settings.kMin) throw new Error(`Only ${dataset.prepared.matrix.rows} usable responses: too few for k = ${settings.kMin}.`);
  const ks = settings.kMax - settings.kMin + 1;
  const total = ks * settings.bootstraps;
  const done = new Map<number, number>();
  const threads = Math.min(MAX_THREADS, availableParallelism());
  const results = await runSweepInWorkers(dataset.prepared.matrix, settings, {
    threads,
    profileMatrix: dataset.prepared.profileMatrix,
    signal: ctx.signal,
    start: startSweepWorker,
    onProgress: ({ k, bootstrapsDone }) => {
      done.set(k, bootstrapsDone);
      const sum = [...done.values()].reduce((a, b) => a + b, 0);
      // Cancellation surfaces through ctx.signal, which aborts the workers; the rejection here is that same cancel.
      ctx.progress({ done: sum, total, unit: "bootstraps", stage: `k = ${k}` }).catch(() => {});
    },
  });
  ctx.throwIfCancelled();
  const summary = summarizeSweep({ results, settings, prepared: dataset.prepared, threads });
  await storeAnalysisRunResults(ctx.db, {
    workspaceId: ctx.job.workspaceId,
    runId: run.id,
    results: summary as unknown as Record<string, unknown>,
    dataFingerprint: dataset.fingerprint,
    respondentCount: dataset.prepared.matrix.rows,
  });
  return { runId: run.id, recommendedK: summary.recommendation?.k ?? null };
};
