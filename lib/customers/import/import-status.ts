import type { Database } from "@/db/client";
import { deleteImportData, updateDataImport } from "@/db/queries/data-imports";
import { getJob } from "@/db/queries/jobs";
import type { DataImport } from "@/db/schema";

/**
 * An import whose job ended without the handler running to its end (cancelled while still queued, or
 * given up after its retries) would otherwise show "queued" forever: take the job's final status. A
 * cancel deletes what the import had stored (its uploaded file, bad rows of an earlier run), as a
 * cancel of a running import does.
 */
export async function withSettledStatus(db: Database, record: DataImport): Promise<DataImport> {
  if (!record.jobId || (record.status !== "queued" && record.status !== "running")) return record;
  const job = await getJob(db, { workspaceId: record.workspaceId, jobId: record.jobId });
  if (!job || (job.status !== "cancelled" && job.status !== "failed")) return record;
  const key = { workspaceId: record.workspaceId, importId: record.id };
  if (job.status === "cancelled") await deleteImportData(db, key);
  const updated = await updateDataImport(db, {
    ...key,
    patch: { status: job.status, error: job.status === "failed" ? (job.error ?? "The import job failed.") : null, finishedAt: job.finishedAt ?? new Date() },
  });
  return updated ?? record;
}
