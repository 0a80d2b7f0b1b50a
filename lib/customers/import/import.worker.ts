import { Readable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import { createGunzip } from "node:zlib";
import { ByteCsvReader } from "./byte-csv";
import { ByteTextChecker } from "./byte-text-checker";
import { uniqueHeader } from "./detect";
import { ImportMeter, type ImportStop } from "./import-limits";
import type { ImportLimits } from "@/lib/env";
import { LineEncoder } from "./line-encoder";
import { reasonText, type BadRowReason } from "./bad-row-reasons";
import { badRowCsv, createRowConverter, stagedRowCsv } from "./row-converter";
import { mappingProblems, type TImportKind, type TStartImportInput } from "./schemas";
import { isLineKind, type FromWorker, type ToWorker } from "./worker-protocol";

/**
 * The import's parsing thread: asks the main thread for the file's chunks one at a time, gunzips,
 * checks and parses the bytes, validates, and posts rows back in batches — binary COPY tuples for
 * transaction lines and usage events, staging CSV for customers and usage summaries — waiting for
 * each batch to be written before going on (so memory stays flat whatever the file's size). It never
 * opens the database: with PGlite the only connection lives in the main thread.
 *
 * It also keeps the import within its limits (import-limits.ts): bytes out of gunzip, the compression
 * ratio, rows, the length of a row and the share of bad rows are counted as they go, and passing one
 * stops the reading at once (the gunzip stream is destroyed, not drained). Only the first
 * `limits.maxBadRowsKept` bad rows are sent for the report; all are counted by reason.
 */
const { kind, input, gzipped, batchSize, importId, workspaceId, limits } = workerData as {
  kind: TImportKind;
  input: TStartImportInput;
  gzipped: boolean;
  batchSize: number;
  importId: string;
  workspaceId: string;
  limits: ImportLimits;
};
const port = parentPort!;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let chunkWaiter: ((m: ToWorker) => void) | undefined;
let ackWaiter: (() => void) | undefined;
port.on("message", (m: ToWorker) => {
  if (m.type === "ack") ackWaiter?.();
  else chunkWaiter?.(m);
});
const nextChunk = () => new Promise<ToWorker>((resolve) => ((chunkWaiter = resolve), post({ type: "need" })));
const acknowledged = () => new Promise<void>((resolve) => (ackWaiter = resolve));

const meter = new ImportMeter(limits);

async function* chunks() {
  for (;;) {
    const m = await nextChunk();
    if (m.type !== "chunk") return;
    yield Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength);
  }
}

const NO_TUPLES = new Uint8Array(0);
const reader = new ByteCsvReader(input.delimiter);
// Line kinds: tuples accumulate in the encoder. Staged kinds: CSV text ready for COPY into staging.
let lines: LineEncoder | undefined;
let stagedConverter: ReturnType<typeof createRowConverter> | undefined;
let csv = "";
let staged = 0;
// Bad rows of the batch as CSV for COPY into the report, and how many.
let errorsCsv = "";
let rowsSinceFlush = 0;

class FileProblem extends Error {}
/** A limit was passed; not an Error (no stack trace needed). */
class Stopped {
  constructor(readonly stop: ImportStop) {}
}
const stopIf = (stop: ImportStop | null) => {
  if (stop) throw new Stopped(stop);
};
const tally = () => ({ rowsRead: meter.rowsRead, badRows: meter.badRows, badRowCounts: meter.badRowCounts, decompressedBytes: meter.decompressedBytes });

function start() {
  const header = uniqueHeader(reader.record().fields);
  // Checked at upload with the detected delimiter; another delimiter may split the header into more.
  if (header.length > limits.maxColumns) throw new FileProblem(`The header has ${header.length} columns with this delimiter; an import reads at most ${limits.maxColumns}.`);
  const problems = mappingProblems(kind, input.mapping, header);
  if (Object.keys(problems).length > 0) throw new FileProblem(Object.values(problems).flat().join(" "));
  if (isLineKind(kind)) lines = new LineEncoder(kind, input, header, { workspaceId, importId });
  else stagedConverter = createRowConverter(kind, input, header);
}

/** Converts every complete record the reader holds. */
async function drain() {
  while (reader.next()) {
    if (!lines && !stagedConverter) {
      start();
      continue;
    }
    stopIf(meter.row());
    // Under the roll-back policy one bad row dooms the import: keep checking, stop staging.
    const stage = !(input.badRowPolicy === "rollback" && meter.badRows > 0);
    let reason: BadRowReason | null;
    if (lines) reason = lines.convert(reader, stage);
    else {
      const result = stagedConverter!(reader.record());
      reason = result.ok ? null : result.reason;
      if (result.ok && stage) csv += stagedRowCsv(importId, result.row);
    }
    if (reason === null) {
      if (stage) staged++;
      stopIf(meter.good());
    } else {
      if (meter.bad(reason)) {
        const raw = reader.raw();
        errorsCsv += badRowCsv(importId, { line: reader.line, reason: reasonText(reason), detail: reason, raw: raw.length > 2000 ? `${raw.slice(0, 2000)}…` : raw });
      }
      stopIf(meter.errorRatio());
    }
    if (++rowsSinceFlush >= batchSize) await flush();
  }
}

/** Posts the batch and waits until it is written; `reportOnly`: the bad rows only (the run is over, its rows are not wanted). */
async function flush(reportOnly = false) {
  const batch = lines?.take() ?? { tuples: NO_TUPLES, customerIds: [] };
  if (reportOnly || (input.badRowPolicy === "rollback" && meter.badRows > 0)) ((batch.tuples = NO_TUPLES), (batch.customerIds = []), (csv = ""), (staged = 0));
  const transfer = batch.tuples.byteLength > 0 ? [batch.tuples.buffer as ArrayBuffer] : [];
  post({ type: "batch", tuples: batch.tuples, csv, staged, errorsCsv, rowsRead: meter.rowsRead, badRows: meter.badRows, customerIds: batch.customerIds }, transfer);
  csv = "";
  staged = 0;
  errorsCsv = "";
  rowsSinceFlush = 0;
  await acknowledged();
}

async function main() {
  const source = Readable.from(chunks(), { highWaterMark: 1 });
  const gunzip = gzipped ? createGunzip({ chunkSize: 256 * 1024 }) : undefined;
  const stream = gunzip ? source.pipe(gunzip) : source;
  const checker = new ByteTextChecker();
  // Only a failure of the stream itself (zlib) means a broken gzip; anything thrown while parsing is itself.
  let parsing = false;
  try {
    for await (const piece of stream as AsyncIterable<Buffer>) {
      parsing = true;
      // bytesWritten: the compressed bytes gunzip has consumed so far, updated with each piece it puts out.
      stopIf(meter.inflated(piece.length, gunzip?.bytesWritten ?? 0));
      reader.push(checker.check(piece));
      await drain();
      stopIf(meter.rowTooLong(reader.pendingBytes, reader.pendingLine));
      parsing = false;
    }
  } catch (error) {
    if (parsing || error instanceof FileProblem || error instanceof Stopped || (error instanceof Error && error.name === "AppError")) throw error;
    throw new FileProblem("The file looks gzipped but cannot be decompressed (is it complete?).");
  } finally {
    // A stop leaves the rest of the file unread: nothing more is inflated.
    stream.destroy();
    source.destroy();
  }
  reader.push(checker.check(NO_TUPLES, true), true);
  await drain();
  if (!lines && !stagedConverter) throw new FileProblem("The file has no header row.");
  await flush();
  post({ type: "done", ...tally() });
}

main().catch(async (error: unknown) => {
  if (!(error instanceof Stopped)) return post({ type: "fatal", message: error instanceof Error ? error.message : String(error) });
  // An import stopped for its share of bad rows keeps the first ones as its report: send what this batch holds of them.
  if (error.stop.key === "errorRatio" && errorsCsv !== "") await flush(true);
  post({ type: "stopped", stop: error.stop, ...tally() });
});
