import type { Database } from "@/db/client";
import { insertAnalysisRunWithJob } from "@/db/queries/analysis-runs";
import { AppError } from "@/lib/errors";
import { JOB_KINDS } from "@/lib/jobs/job-kinds";
import { kickJobRunner } from "@/lib/jobs/job-runner";
import { loadAnalysisDataset } from "../dataset/load-dataset";
import type { TStartSweepInput } from "../dataset/schemas";
import { runConfigOf } from "./run-config";

/**
 * Starts a k sweep: loads the dataset once on the request (so a bad choice is a field error now,
 * not a failed job later), stores the run with its config and data fingerprint, and queues the job
 * that does the heavy work off the request path.
 */
export async function startSweep(db: Database, params: { workspaceId: string; studyId: string; userId: string | undefined; input: TStartSweepInput }) {
  const dataset = await loadAnalysisDataset(db, params);
  const { name, ...config } = params.input;
  const rows = dataset.prepared.matrix.rows;
  if (rows <= config.kMin) {
    throw new AppError("invalid", `Only ${rows} usable responses: too few for k = ${config.kMin}.`, { kMin: [`Use fewer segments than the ${rows} usable responses`] });
  }
  const run = await insertAnalysisRunWithJob(db, {
    workspaceId: params.workspaceId,
    studyId: params.studyId,
    name: name || `${dataset.survey.title} · k ${config.kMin}–${config.kMax}`,
    config: runConfigOf(config),
    dataFingerprint: dataset.fingerprint,
    respondentCount: dataset.prepared.matrix.rows,
    createdBy: params.userId,
    jobKind: JOB_KINDS.segmentationSweep,
  });
  kickJobRunner();
  return { id: run.id, jobId: run.jobId, respondentCount: dataset.prepared.matrix.rows };
}
