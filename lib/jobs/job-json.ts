import type { Job } from "@/db/schema";

/** The public shape of a job: no payload internals or instance names. */
export function jobJson(job: Job) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress ?? null,
    result: job.result ?? null,
    error: job.error,
    cancelRequested: job.cancelRequestedAt !== null,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
export type JobJson = ReturnType<typeof jobJson>;
