import type { Database } from "@/db/client";
import { customerPage, metricHistogram, respondentJoin, rfGrid, segmentSummary, type CustomerPageQuery } from "@/db/queries/customer-metric-views";
import { getMetricSettings, listMetricSnapshots } from "@/db/queries/customer-metrics";
import { listJobs } from "@/db/queries/jobs";
import { findStudy } from "@/db/queries/studies";
import { AppError } from "@/lib/errors";
import { JOB_KINDS } from "@/lib/jobs/job-kinds";
import { readStoredSettings } from "./schemas";

/**
 * Everything the Customers tab and GET /api/v1/studies/{id}/customers show: the latest snapshot with
 * its history, segment table, R × F grid, histograms, the join to respondents and one table page.
 */
export async function loadCustomerOverview(db: Database, params: { workspaceId: string; studyId: string; table: CustomerPageQuery }) {
  const study = await findStudy(db, params);
  if (!study) throw new AppError("not_found", "Study not found.");
  const settings = readStoredSettings(await getMetricSettings(db, params));
  const snapshots = await listMetricSnapshots(db, { ...params, limit: 10 });
  const [pendingJob] = (await listJobs(db, { workspaceId: params.workspaceId, kind: JOB_KINDS.customerMetrics, limit: 5 })).filter(
    (job) => (job.status === "queued" || job.status === "running") && (!job.payload.studyId || job.payload.studyId === params.studyId),
  );
  const latest = snapshots[0];
  if (!latest) return { study, settings, snapshot: undefined, snapshots: [], pendingJobId: pendingJob?.id ?? null } as const;
  const key = { workspaceId: params.workspaceId, snapshotId: latest.id };
  const [segments, grid, recency, frequency, monetary, join, table] = [
    await segmentSummary(db, key),
    await rfGrid(db, key),
    await metricHistogram(db, { ...key, metric: "recency" }),
    await metricHistogram(db, { ...key, metric: "frequency" }),
    await metricHistogram(db, { ...key, metric: "monetary" }),
    await respondentJoin(db, { ...key, studyId: params.studyId }),
    await customerPage(db, { ...key, ...params.table }),
  ];
  return {
    study,
    settings,
    snapshot: latest,
    snapshots: snapshots.map((s) => ({ id: s.id, referenceDate: s.referenceDate, computedAt: s.computedAt, summary: s.summary })),
    pendingJobId: pendingJob?.id ?? null,
    segments,
    grid,
    histograms: { recency, frequency, monetary },
    join,
    table,
  } as const;
}
export type CustomerOverview = Awaited<ReturnType<typeof loadCustomerOverview>>;
