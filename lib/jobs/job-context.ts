import type { Database } from "@/db/client";
import type { Job, JobProgress } from "@/db/schema";

/** What a job handler gets: the database, its job row, progress reporting and cancellation. */
export type JobContext = {
  db: Database;
  job: Job;
  /** Aborted once a cancel request is seen; pass it on to workers and loops. */
  signal: AbortSignal;
  /** Saves progress (throttled) and throws JobCancelledError when the user asked to cancel. */
  progress: (progress: JobProgress, options?: { force?: boolean }) => Promise<void>;
  throwIfCancelled: () => void;
};

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export class JobCancelledError extends Error {
  constructor() {
    super("The job was cancelled.");
    this.name = "JobCancelledError";
  }
}
