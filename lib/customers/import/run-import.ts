import { clearImportStaging, countImportChunks, deleteImportChunks, getDataImport, mergeStagedRows, updateDataImport } from "@/db/queries/data-imports";
import { completeLineImport, deleteImportLines } from "@/db/queries/customer-lines";
import { enqueueJob } from "@/db/queries/jobs";
import { refreshPlannerStatistics } from "@/db/queries/planner-statistics";
import type { DataImport } from "@/db/schema";
import { JobCancelledError, type JobContext, type JobHandler } from "@/lib/jobs/job-context";
import { JOB_KINDS } from "@/lib/jobs/job-kinds";
import { readThroughWorker, type ReadSummary } from "./read-through-worker";
import { ZStartImportInput } from "./schemas";
import { isLineKind } from "./worker-protocol";

type ImportKey = { workspaceId: string; importId: string };

/** Forgets everything a run of this import has written: staged rows, loaded lines (never counted), and bad rows if asked. */
async function forgetRun(ctx: JobContext, record: DataImport, key: ImportKey, errorsToo = false) {
  await clearImportStaging(ctx.db, { ...key, errorsToo });
  if (isLineKind(record.kind)) await deleteImportLines(ctx.db, { ...key, kind: record.kind });
}

/** Makes what was read count: lines by marking the import succeeded, staged kinds by merging them in. */
async function complete(ctx: JobContext, record: DataImport, key: ImportKey, read: ReadSummary) {
  const counts = { rowCount: read.rowsRead, badRowCount: read.badRows };
  if (isLineKind(record.kind)) return completeLineImport(ctx.db, { ...key, kind: record.kind, loaded: read.staged, customerIds: read.customerIds, patch: counts });
  const merged = await mergeStagedRows(ctx.db, { ...key, kind: record.kind });
  await updateDataImport(ctx.db, {
    ...key,
    patch: { status: "succeeded", rowCount: read.rowsRead, importedCount: merged.imported, unchangedCount: merged.unchanged, badRowCount: read.badRows, finishedAt: new Date() },
  });
  return merged;
}

/**
 * The data-import job: read the whole file through the worker (lines straight into their table,
 * other kinds into staging), then — unless the roll-back policy met a bad row — make it count in one
 * short transaction. On failure or cancel what the run wrote is deleted, so the real tables never
 * show half a file.
 */
export const handler: JobHandler = async (ctx) => {
  const importId = String(ctx.job.payload.importId ?? "");
  const key = { workspaceId: ctx.job.workspaceId, importId };
  const record = await getDataImport(ctx.db, key);
  if (!record) throw new Error("The import no longer exists.");
  const input = ZStartImportInput.parse(record.mapping);
  await updateDataImport(ctx.db, { ...key, patch: { status: "running", error: null, rowCount: null, importedCount: null, unchangedCount: null, badRowCount: null, finishedAt: null } });
  // A run that died midway (its instance stopped) left rows behind; start clean.
  await forgetRun(ctx, record, key, true);
  try {
    const totalChunks = await countImportChunks(ctx.db, key);
    const readStarted = performance.now();
    const read = await readThroughWorker(ctx, record, input, totalChunks);
    const readMs = Math.round(performance.now() - readStarted);
    if (input.badRowPolicy === "rollback" && read.badRows > 0) {
      await forgetRun(ctx, record, key);
      const error = `${read.badRows} bad row(s): nothing was imported, because this import rolls back when any row is bad.`;
      await updateDataImport(ctx.db, { ...key, patch: { status: "failed", error, rowCount: read.rowsRead, importedCount: 0, unchangedCount: 0, badRowCount: read.badRows, finishedAt: new Date() } });
      return { importId, rowsRead: read.rowsRead, badRows: read.badRows, imported: 0, unchanged: 0, rolledBack: true };
    }
    await ctx.progress({ done: read.rowsRead, total: read.rowsRead, unit: "rows", stage: "saving" }, { force: true });
    const completeStarted = performance.now();
    const { imported, unchanged } = await complete(ctx, record, key, read);
    const completeMs = Math.round(performance.now() - completeStarted);
    await deleteImportChunks(ctx.db, key);
    if (imported > 0) await refreshPlannerStatistics(ctx.db, isLineKind(record.kind) ? [record.kind, "customers"] : [record.kind]);
    // Every study's customer metrics depend on this data (handled by the customer-metrics job).
    if (imported > 0) await enqueueJob(ctx.db, { workspaceId: key.workspaceId, kind: JOB_KINDS.customerMetrics, payload: { reason: "import" }, createdBy: record.createdBy });
    return { importId, rowsRead: read.rowsRead, badRows: read.badRows, imported, unchanged, readMs, completeMs };
  } catch (error) {
    await forgetRun(ctx, record, key);
    const cancelled = error instanceof JobCancelledError || ctx.signal.aborted;
    const message = cancelled ? null : error instanceof Error ? error.message : String(error);
    await updateDataImport(ctx.db, { ...key, patch: { status: cancelled ? "cancelled" : "failed", error: message, finishedAt: new Date() } });
    throw error;
  }
};
