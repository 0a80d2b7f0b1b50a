import type { Database } from "@/db/client";
import type { Job, JobProgress } from "@/db/schema";
import { claimNextJob, finishJob, reportJobProgress } from "@/db/queries/jobs";
import { JobCancelledError, type JobContext, type JobHandler } from "./job-context";

export type JobRunnerOptions = {
  instanceId: string;
  handlers: Record<string, () => Promise<JobHandler>>;
  /** A running job without a heartbeat for this long is presumed dead and claimed again. */
  staleAfterMs?: number;
  heartbeatMs?: number;
  progressThrottleMs?: number;
};

const DEFAULTS = { staleAfterMs: 60_000, heartbeatMs: 10_000, progressThrottleMs: 500 };

/** Claims one job and runs it to the end. Returns the job it ran, or undefined when none was waiting. */
export async function runNextJob(db: Database, options: JobRunnerOptions): Promise<Job | undefined> {
  const { staleAfterMs, heartbeatMs, progressThrottleMs } = { ...DEFAULTS, ...options };
  const job = await claimNextJob(db, { instanceId: options.instanceId, staleAfterMs, kinds: Object.keys(options.handlers) });
  if (!job) return undefined;

  const controller = new AbortController();
  let lastProgress: JobProgress = job.progress ?? { done: 0 };
  let lastWrite = 0;
  const write = async () => {
    lastWrite = Date.now();
    const { cancelRequested, stillOwned } = await reportJobProgress(db, { jobId: job.id, instanceId: options.instanceId, progress: lastProgress });
    if (cancelRequested || !stillOwned) controller.abort();
  };
  const throwIfCancelled = () => {
    if (controller.signal.aborted) throw new JobCancelledError();
  };
  const ctx: JobContext = {
    db,
    job,
    signal: controller.signal,
    throwIfCancelled,
    progress: async (progress, { force } = {}) => {
      lastProgress = progress;
      if (force || Date.now() - lastWrite >= progressThrottleMs) await write();
      throwIfCancelled();
    },
  };
  // Long steps that report nothing (one big INSERT … SELECT) still keep the job alive.
  const heartbeat = setInterval(() => void write().catch(() => {}), heartbeatMs);
  heartbeat.unref();
  try {
    const handler = await options.handlers[job.kind]!();
    const result = await handler(ctx);
    await finishJob(db, { jobId: job.id, instanceId: options.instanceId, status: controller.signal.aborted ? "cancelled" : "succeeded", result });
  } catch (error) {
    const cancelled = error instanceof JobCancelledError || controller.signal.aborted;
    if (!cancelled) console.error(`Job ${job.kind} ${job.id} failed`, error);
    await finishJob(db, {
      jobId: job.id,
      instanceId: options.instanceId,
      status: cancelled ? "cancelled" : "failed",
      error: cancelled ? undefined : error instanceof Error ? error.message : String(error),
    });
  } finally {
    clearInterval(heartbeat);
  }
  return job;
}
