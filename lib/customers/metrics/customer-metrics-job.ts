import { workspaceHasCustomerData } from "@/db/queries/customer-metrics";
import { findStudy, listStudies } from "@/db/queries/studies";
import type { JobHandler } from "@/lib/jobs/job-context";
import { computeCustomerMetrics } from "./compute-customer-metrics";

/**
 * The `customer-metrics` job. Payload `{ studyId }` recomputes that study; no study id (enqueued by
 * an import) recomputes every study of the workspace, when the workspace has customer data at all.
 */
export const handler: JobHandler = async (ctx) => {
  const workspaceId = ctx.job.workspaceId;
  const studyId = typeof ctx.job.payload.studyId === "string" ? ctx.job.payload.studyId : undefined;
  let studyIds: string[];
  if (studyId) {
    const study = await findStudy(ctx.db, { workspaceId, studyId });
    if (!study) throw new Error("The study no longer exists.");
    studyIds = [study.id];
  } else {
    studyIds = (await workspaceHasCustomerData(ctx.db, { workspaceId })) ? (await listStudies(ctx.db, { workspaceId })).map((s) => s.id) : [];
  }
  const snapshots: { studyId: string; snapshotId: string; customers: number }[] = [];
  for (const [index, id] of studyIds.entries()) {
    await ctx.progress({ done: index, total: studyIds.length, unit: "studies", stage: "compute" }, { force: true });
    const { snapshotId, summary } = await computeCustomerMetrics(ctx.db, { workspaceId, studyId: id });
    snapshots.push({ studyId: id, snapshotId, customers: summary.customers });
  }
  await ctx.progress({ done: studyIds.length, total: studyIds.length, unit: "studies", stage: "done" }, { force: true });
  return { snapshots };
};
