import {
  clearImportStaging,
  countImportChunks,
  deleteImportChunks,
  getDataImport,
  insertImportErrors,
  mergeStagedRows,
  readImportChunk,
  stageImportCsv,
  updateDataImport,
} from "@/db/queries/data-imports";
import { enqueueJob } from "@/db/queries/jobs";
import type { DataImport } from "@/db/schema";
import { JobCancelledError, type JobContext, type JobHandler } from "@/lib/jobs/job-context";
import { JOB_KINDS } from "@/lib/jobs/job-kinds";
import { startWorker } from "@/lib/workers/start-worker";
import { ZStartImportInput, type TStartImportInput } from "./schemas";
import type { FromWorker, ToWorker } from "./worker-protocol";

export const IMPORT_BATCH_ROWS = 10_000;

/** A problem with the file itself (header, encoding, compression): the import fails with this message. */
export class ImportFileError extends Error {}

type ReadSummary = { rowsRead: number; badRows: number };

/**
 * Feeds the uploaded chunks to the parsing worker and writes what comes back: staged rows and bad
 * rows. Progress is rows read, against an estimate from the share of the file's bytes handed over.
 */
function readThroughWorker(ctx: JobContext, record: DataImport, input: TStartImportInput, totalChunks: number): Promise<ReadSummary> {
  const key = { workspaceId: record.workspaceId, importId: record.id };
  return new Promise<ReadSummary>((resolve, reject) => {
    const worker = startWorker("lib/customers/import/import.worker.ts", { kind: record.kind, input, gzipped: record.gzipped, batchSize: IMPORT_BATCH_ROWS, importId: record.id });
    let settled = false;
    let seq = 0;
    let bytesSent = 0;
    let chain = Promise.resolve();
    const settle = (error?: unknown, value?: ReadSummary) => {
      if (settled) return;
      settled = true;
      ctx.signal.removeEventListener("abort", onAbort);
      void worker.terminate();
      if (error) reject(error);
      else resolve(value!);
    };
    const onAbort = () => settle(new JobCancelledError());
    ctx.signal.addEventListener("abort", onAbort);
    const send = (message: ToWorker) => worker.postMessage(message);

    const handle = async (message: FromWorker) => {
      if (settled) return;
      switch (message.type) {
        case "need": {
          const chunk = seq < totalChunks ? await readImportChunk(ctx.db, { ...key, seq: seq++ }) : undefined;
          if (!chunk) return send({ type: "end" });
          bytesSent += chunk.byteLength;
          return send({ type: "chunk", data: chunk });
        }
        case "batch": {
          await stageImportCsv(ctx.db, { ...key, csv: message.csv });
          await insertImportErrors(ctx.db, { ...key, errors: message.errors });
          const estimate = bytesSent > 0 ? Math.max(message.rowsRead, Math.round((message.rowsRead * record.byteSize) / bytesSent)) : undefined;
          await ctx.progress({ done: message.rowsRead, total: estimate, unit: "rows", stage: "reading" });
          return send({ type: "ack" });
        }
        case "done":
          return settle(undefined, { rowsRead: message.rowsRead, badRows: message.badRows });
        case "fatal":
          return settle(new ImportFileError(message.message));
      }
    };
    worker.on("message", (message: FromWorker) => {
      chain = chain.then(() => handle(message)).catch((error: unknown) => settle(error));
    });
    worker.on("error", (error) => settle(error));
    worker.on("exit", (code) => settle(new Error(`The import worker stopped (exit code ${code}).`)));
  });
}

/**
 * The data-import job: read the whole file into staging through the worker, then — unless the
 * roll-back policy met a bad row — move staging into the real tables in one short transaction.
 * On failure or cancel the staging rows are deleted, so the real tables never see half a file.
 */
export const handler: JobHandler = async (ctx) => {
  const importId = String(ctx.job.payload.importId ?? "");
  const key = { workspaceId: ctx.job.workspaceId, importId };
  const record = await getDataImport(ctx.db, key);
  if (!record) throw new Error("The import no longer exists.");
  const input = ZStartImportInput.parse(record.mapping);
  await updateDataImport(ctx.db, { ...key, patch: { status: "running", error: null, rowCount: null, importedCount: null, unchangedCount: null, badRowCount: null, finishedAt: null } });
  // A run that died midway (its instance stopped) left rows behind; start clean.
  await clearImportStaging(ctx.db, { ...key, errorsToo: true });
  try {
    const totalChunks = await countImportChunks(ctx.db, key);
    const readStarted = performance.now();
    const read = await readThroughWorker(ctx, record, input, totalChunks);
    const readMs = Math.round(performance.now() - readStarted);
    if (input.badRowPolicy === "rollback" && read.badRows > 0) {
      await clearImportStaging(ctx.db, key);
      const error = `${read.badRows} bad row(s): nothing was imported, because this import rolls back when any row is bad.`;
      await updateDataImport(ctx.db, { ...key, patch: { status: "failed", error, rowCount: read.rowsRead, importedCount: 0, unchangedCount: 0, badRowCount: read.badRows, finishedAt: new Date() } });
      return { importId, ...read, imported: 0, unchanged: 0, rolledBack: true };
    }
    await ctx.progress({ done: read.rowsRead, total: read.rowsRead, unit: "rows", stage: "saving" }, { force: true });
    const mergeStarted = performance.now();
    const merged = await mergeStagedRows(ctx.db, { ...key, kind: record.kind });
    const mergeMs = Math.round(performance.now() - mergeStarted);
    await updateDataImport(ctx.db, {
      ...key,
      patch: { status: "succeeded", rowCount: read.rowsRead, importedCount: merged.imported, unchangedCount: merged.unchanged, badRowCount: read.badRows, finishedAt: new Date() },
    });
    await deleteImportChunks(ctx.db, key);
    // Every study's customer metrics depend on this data (handled by the customer-metrics job).
    if (merged.imported > 0) await enqueueJob(ctx.db, { workspaceId: key.workspaceId, kind: JOB_KINDS.customerMetrics, payload: { reason: "import" }, createdBy: record.createdBy });
    return { importId, ...read, imported: merged.imported, unchanged: merged.unchanged, readMs, mergeMs };
  } catch (error) {
    await clearImportStaging(ctx.db, key);
    const cancelled = error instanceof JobCancelledError || ctx.signal.aborted;
    const message = cancelled ? null : error instanceof Error ? error.message : String(error);
    await updateDataImport(ctx.db, { ...key, patch: { status: cancelled ? "cancelled" : "failed", error: message, finishedAt: new Date() } });
    throw error;
  }
};
