import type { JobHandler } from "./job-context";
import { JOB_KINDS } from "./job-kinds";

/**
 * Every kind of background job and the module that runs it, loaded on first use so the
 * request path never imports heavy job code. Add a line here for a new kind of job.
 */
export const jobHandlers: Record<string, () => Promise<JobHandler>> = {
  [JOB_KINDS.segmentationSweep]: async () => (await import("@/lib/segmentation/sweep/sweep-job")).runSegmentationSweepJob,
  [JOB_KINDS.customerMetrics]: async () => (await import("@/lib/customers/metrics/customer-metrics-job")).handler,
  [JOB_KINDS.dataImport]: async () => (await import("@/lib/customers/import/run-import")).handler,
};
