import { readImportChunk, stageImportCsv, stageImportErrorsCsv } from "@/db/queries/data-imports";
import { openLineCopy } from "@/db/queries/customer-lines";
import type { DataImport } from "@/db/schema";
import { JobCancelledError, type JobContext } from "@/lib/jobs/job-context";
import type { ImportLimits } from "@/lib/env";
import { startWorker } from "@/lib/workers/start-worker";
import type { ImportStop } from "./import-limits";
import type { TStartImportInput } from "./schemas";
import { isLineKind, type FromWorker, type ImportTally, type ToWorker } from "./worker-protocol";

export const IMPORT_BATCH_ROWS = 10_000;
/**
 * Batches written while the worker parses the next ones. Two keep both the worker and the database
 * busy (the COPY of one batch overlaps the parsing of the next) while memory stays bounded.
 */
const BATCHES_IN_FLIGHT = 2;

/** A problem with the file itself (header, encoding, compression): the import fails with this message. */
export class ImportFileError extends Error {}

/** The file passed one of the import's limits; the worker read no further. */
export class ImportStoppedError extends Error {
  constructor(
    readonly stop: ImportStop,
    readonly tally: ImportTally,
  ) {
    super(`The import was stopped: ${stop.key}.`);
    this.name = "ImportStoppedError";
  }
}

/** `staged`: rows handed to the database (good rows; none after the first bad one under roll-back). */
export type ReadSummary = ImportTally & { staged: number; customerIds: string[] };

type Batch = Extract<FromWorker, { type: "batch" }>;

/**
 * Feeds the uploaded chunks to the parsing worker and writes what comes back, batch by batch in file
 * order: transaction lines and usage events COPYed straight into their table (not yet counted: see
 * db/queries/customer-lines.ts), other kinds into staging, bad rows into the report. Progress is rows
 * read, against an estimate from the share of the file's bytes handed over.
 */
export function readThroughWorker(ctx: JobContext, record: DataImport, input: TStartImportInput, totalChunks: number, limits: ImportLimits): Promise<ReadSummary> {
  const key = { workspaceId: record.workspaceId, importId: record.id };
  const lineKind = isLineKind(record.kind) ? record.kind : undefined;
  return new Promise<ReadSummary>((resolve, reject) => {
    const worker = startWorker("lib/customers/import/import.worker.ts", {
      kind: record.kind,
      input,
      gzipped: record.gzipped,
      batchSize: IMPORT_BATCH_ROWS,
      importId: record.id,
      workspaceId: record.workspaceId,
      limits,
    });
    const lineCopy = lineKind ? openLineCopy(ctx.db, lineKind) : undefined;
    const customerIds: string[] = [];
    let staged = 0;
    let settled = false;
    let seq = 0;
    let bytesSent = 0;
    let messages = Promise.resolve();
    let writes = Promise.resolve();
    let inFlight = 0;
    let ackOwed = false;
    const settle = (error?: unknown, value?: ReadSummary) => {
      if (settled) return;
      settled = true;
      ctx.signal.removeEventListener("abort", onAbort);
      void worker.terminate();
      if (error) lineCopy?.abort();
      if (error) reject(error);
      else resolve(value!);
    };
    const onAbort = () => settle(new JobCancelledError());
    ctx.signal.addEventListener("abort", onAbort);
    const send = (message: ToWorker) => worker.postMessage(message);

    const write = async (batch: Batch) => {
      if (lineCopy) await lineCopy.write(batch.tuples);
      else await stageImportCsv(ctx.db, { ...key, csv: batch.csv });
      await stageImportErrorsCsv(ctx.db, { ...key, csv: batch.errorsCsv });
      for (const id of batch.customerIds) customerIds.push(id);
      staged += batch.staged;
      const estimate = bytesSent > 0 ? Math.max(batch.rowsRead, Math.round((batch.rowsRead * record.byteSize) / bytesSent)) : undefined;
      await ctx.progress({ done: batch.rowsRead, total: estimate, unit: "rows", stage: "reading" });
    };
    const enqueue = (batch: Batch) => {
      inFlight++;
      writes = writes.then(async () => {
        if (settled) return;
        await write(batch);
        inFlight--;
        if (ackOwed && inFlight < BATCHES_IN_FLIGHT) (ackOwed = false), send({ type: "ack" });
      });
      writes.catch((error: unknown) => settle(error));
      if (inFlight < BATCHES_IN_FLIGHT) send({ type: "ack" });
      else ackOwed = true;
    };

    const handle = async (message: FromWorker) => {
      if (settled) return;
      switch (message.type) {
        case "need": {
          if (seq >= totalChunks) return send({ type: "end" });
          const chunk = await readImportChunk(ctx.db, { ...key, seq: seq++ });
          // Never read a file with a hole as if it ended there.
          if (!chunk) throw new Error("The uploaded file is no longer complete (was the import cancelled meanwhile?).");
          bytesSent += chunk.byteLength;
          return send({ type: "chunk", data: chunk });
        }
        case "batch":
          return enqueue(message);
        case "done":
          await writes;
          await lineCopy?.finish();
          return settle(undefined, { rowsRead: message.rowsRead, badRows: message.badRows, badRowCounts: message.badRowCounts, decompressedBytes: message.decompressedBytes, staged, customerIds });
        case "stopped":
          // The bad rows sent before the stop are the report of an error-ratio stop: let them be written.
          await writes;
          return settle(new ImportStoppedError(message.stop, { rowsRead: message.rowsRead, badRows: message.badRows, badRowCounts: message.badRowCounts, decompressedBytes: message.decompressedBytes }));
        case "fatal":
          return settle(new ImportFileError(message.message));
      }
    };
    let doneReceived = false;
    worker.on("message", (message: FromWorker) => {
      if (message.type === "done" || message.type === "stopped") doneReceived = true;
      messages = messages.then(() => handle(message)).catch((error: unknown) => settle(error));
    });
    worker.on("error", (error) => settle(error));
    // After "done" the worker has nothing more to say; only an earlier exit is a failure.
    worker.on("exit", (code) => doneReceived || settle(new Error(`The import worker stopped (exit code ${code}).`)));
  });
}
