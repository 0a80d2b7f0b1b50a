import type { Database } from "@/db/client";
import { saveMetricSettings } from "@/db/queries/customer-metrics";
import { enqueueJob } from "@/db/queries/jobs";
import { findStudy } from "@/db/queries/studies";
import { AppError } from "@/lib/errors";
import { kickJobRunner } from "@/lib/jobs/job-runner";
import { JOB_KINDS } from "@/lib/jobs/job-kinds";
import type { TCustomerMetricSettings } from "./schemas";

type Params = { workspaceId: string; studyId: string; userId?: string | null };

async function requireStudy(db: Database, params: Params) {
  const study = await findStudy(db, params);
  if (!study) throw new AppError("not_found", "Study not found.");
  return study;
}

/** Queues a recomputation of the study's customer metrics (a `customer-metrics` job) and starts it on this instance. */
export async function requestRecompute(db: Database, params: Params) {
  await requireStudy(db, params);
  const job = await enqueueJob(db, {
    workspaceId: params.workspaceId,
    kind: JOB_KINDS.customerMetrics,
    payload: { studyId: params.studyId },
    createdBy: params.userId ?? null,
  });
  kickJobRunner();
  return job;
}

/** Saves the study's settings, then recomputes with them: settings and snapshot never disagree for long. */
export async function saveSettingsAndRecompute(db: Database, params: Params & { settings: TCustomerMetricSettings }) {
  await requireStudy(db, params);
  await saveMetricSettings(db, { workspaceId: params.workspaceId, studyId: params.studyId, settings: params.settings as unknown as Record<string, unknown> });
  return requestRecompute(db, params);
}
