import type { Database } from "@/db/client";
import { updateDataImport } from "@/db/queries/data-imports";
import { getJob } from "@/db/queries/jobs";
import type { DataImport } from "@/db/schema";

/**
 * An import whose job ended without the handler running to its end (cancelled while still queued, or
 * given up after its retries) would otherwise show "queued" forever: take the job's final status.
 */
export async function withSettledStatus(db: Database, record: DataImport): Promise<DataImport> {
  if (!record.jobId || (record.status !== "queued" && record.status !== "running")) return record;
  const job = await getJob(db, { workspaceId: record.workspaceId, jobId: record.jobId });
  if (!job || (job.status !== "cancelled" && job.status !== "failed")) return record;
  const updated = await updateDataImport(db, {
    workspaceId: record.workspaceId,
    importId: record.id,
    patch: { status: job.status, error: job.status === "failed" ? (job.error ?? "The import job failed.") : null, finishedAt: job.finishedAt ?? new Date() },
  });
  return updated ?? record;
}
