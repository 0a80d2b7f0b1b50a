/** Names of the background job kinds, shared by whoever enqueues and whoever handles them. */
export const JOB_KINDS = {
  dataImport: "data-import",
  customerMetrics: "customer-metrics",
  segmentationSweep: "segmentation-sweep",
} as const;
export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];
