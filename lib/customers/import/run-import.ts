import { clearImportStaging, countImportChunks, deleteImportChunks, deleteImportData, getDataImport, mergeStagedRows, updateDataImport } from "@/db/queries/data-imports";
import { completeLineImport, deleteImportLines } from "@/db/queries/customer-lines";
import { enqueueJob, getJob } from "@/db/queries/jobs";
import { refreshPlannerStatistics } from "@/db/queries/planner-statistics";
import type { DataImport } from "@/db/schema";
import { importLimits } from "@/lib/env";
import { JobCancelledError, type JobContext, type JobHandler } from "@/lib/jobs/job-context";
import { JOB_KINDS } from "@/lib/jobs/job-kinds";
import { fileCannotFit } from "./import-limits";
import { limitMessage } from "./limit-messages";
import { ImportStoppedError, readThroughWorker, type ReadSummary } from "./read-through-worker";
import { ZStartImportInput } from "./schemas";
import type { ImportPreview } from "./upload";
import { isLineKind, type ImportTally } from "./worker-protocol";

type ImportKey = { workspaceId: string; importId: string };

/** Forgets what a run of this import has written: staged rows, loaded lines (never counted), and bad rows if asked. */
async function forgetRun(ctx: JobContext, record: DataImport, key: ImportKey, errorsToo = false) {
  await clearImportStaging(ctx.db, { ...key, errorsToo });
  if (isLineKind(record.kind)) await deleteImportLines(ctx.db, { ...key, kind: record.kind });
}

/** Forgets everything the import stored but its record: the run's rows, its bad rows and the uploaded file. */
async function forgetAll(ctx: JobContext, record: DataImport, key: ImportKey) {
  if (isLineKind(record.kind)) await deleteImportLines(ctx.db, { ...key, kind: record.kind });
  await deleteImportData(ctx.db, key);
}

const counted = (tally: ImportTally) => ({ rowCount: tally.rowsRead, badRowCount: tally.badRows, badRowCounts: tally.badRowCounts, decompressedBytes: tally.decompressedBytes });

/** The upload's preview, without the stop of an earlier run. */
function previewOf(record: DataImport): ImportPreview | null {
  if (!record.options) return null;
  const { stop: _earlier, ...preview } = record.options as unknown as ImportPreview;
  return preview;
}

/** Makes what was read count: lines by marking the import succeeded, staged kinds by merging them in. */
async function complete(ctx: JobContext, record: DataImport, key: ImportKey, read: ReadSummary) {
  if (isLineKind(record.kind)) return completeLineImport(ctx.db, { ...key, kind: record.kind, loaded: read.staged, customerIds: read.customerIds, patch: counted(read) });
  const merged = await mergeStagedRows(ctx.db, { ...key, kind: record.kind });
  await updateDataImport(ctx.db, {
    ...key,
    patch: { status: "succeeded", ...counted(read), importedCount: merged.imported, unchangedCount: merged.unchanged, finishedAt: new Date() },
  });
  return merged;
}

/**
 * A run stopped by a limit: nothing of it counts. When no mapping could make the file fit (its size,
 * rows, a row's length) the file goes too; an error-ratio stop keeps the file and the first bad rows,
 * so that the import can be started again with another mapping.
 */
async function stopped(ctx: JobContext, record: DataImport, key: ImportKey, { stop, tally }: ImportStoppedError) {
  if (fileCannotFit(stop)) await forgetAll(ctx, record, key);
  else await forgetRun(ctx, record, key);
  const options = { ...previewOf(record), stop } as unknown as Record<string, unknown>;
  await updateDataImport(ctx.db, {
    ...key,
    patch: { status: "failed", error: limitMessage(stop), ...counted(tally), importedCount: 0, unchangedCount: 0, options, finishedAt: new Date() },
  });
  return { importId: key.importId, stopped: stop.key, rowsRead: tally.rowsRead, badRows: tally.badRows, imported: 0, unchanged: 0 };
}

/** An aborted run was cancelled by a user, or lost its job to another instance (its heartbeat went stale). */
async function cancelRequested(ctx: JobContext): Promise<boolean> {
  const job = await getJob(ctx.db, { workspaceId: ctx.job.workspaceId, jobId: ctx.job.id });
  return Boolean(job?.cancelRequestedAt);
}

/**
 * The data-import job: read the whole file through the worker (lines straight into their table,
 * other kinds into staging), then — unless the roll-back policy met a bad row — make it count in one
 * short transaction. On failure, cancel or a limit passed, what the run wrote is deleted, so the real
 * tables never show half a file; a cancel deletes the bad rows and the uploaded file as well.
 */
export const handler: JobHandler = async (ctx) => {
  const importId = String(ctx.job.payload.importId ?? "");
  const key = { workspaceId: ctx.job.workspaceId, importId };
  const record = await getDataImport(ctx.db, key);
  if (!record) throw new Error("The import no longer exists.");
  const input = ZStartImportInput.parse(record.mapping);
  const limits = importLimits();
  await updateDataImport(ctx.db, {
    ...key,
    patch: {
      status: "running",
      error: null,
      rowCount: null,
      importedCount: null,
      unchangedCount: null,
      badRowCount: null,
      badRowCounts: null,
      decompressedBytes: null,
      finishedAt: null,
      options: previewOf(record) as unknown as Record<string, unknown> | null,
    },
  });
  // A run that died midway (its instance stopped) left rows behind; start clean.
  await forgetRun(ctx, record, key, true);
  try {
    const totalChunks = await countImportChunks(ctx.db, key);
    if (totalChunks === 0) throw new Error("The uploaded file was deleted: upload it again.");
    const readStarted = performance.now();
    const read = await readThroughWorker(ctx, record, input, totalChunks, limits);
    const readMs = Math.round(performance.now() - readStarted);
    if (input.badRowPolicy === "rollback" && read.badRows > 0) {
      await forgetRun(ctx, record, key);
      const error = `${read.badRows} bad row(s): nothing was imported, because this import rolls back when any row is bad.`;
      await updateDataImport(ctx.db, { ...key, patch: { status: "failed", error, ...counted(read), importedCount: 0, unchangedCount: 0, finishedAt: new Date() } });
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
    if (error instanceof ImportStoppedError) return stopped(ctx, record, key, error);
    const cancelled = error instanceof JobCancelledError || ctx.signal.aborted;
    // Aborted without a cancel: another instance runs the job now, and this run's leftovers are its to clear.
    if (cancelled && !(await cancelRequested(ctx))) throw error;
    if (cancelled) await forgetAll(ctx, record, key);
    else await forgetRun(ctx, record, key);
    const message = cancelled ? null : error instanceof Error ? error.message : String(error);
    await updateDataImport(ctx.db, { ...key, patch: { status: cancelled ? "cancelled" : "failed", error: message, finishedAt: new Date() } });
    throw error;
  }
};
