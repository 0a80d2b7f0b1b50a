import { Readable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import { createGunzip } from "node:zlib";
import { ByteCsvReader } from "./byte-csv";
import { ByteTextChecker } from "./byte-text-checker";
import { uniqueHeader } from "./detect";
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
 */
const { kind, input, gzipped, batchSize, importId, workspaceId } = workerData as {
  kind: TImportKind;
  input: TStartImportInput;
  gzipped: boolean;
  batchSize: number;
  importId: string;
  workspaceId: string;
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
let errorCount = 0;
let rowsRead = 0;
let badRows = 0;

class FileProblem extends Error {}

function start() {
  const header = uniqueHeader(reader.record().fields);
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
    rowsRead++;
    // Under the roll-back policy one bad row dooms the import: keep checking, stop staging.
    const stage = !(input.badRowPolicy === "rollback" && badRows > 0);
    let reason: BadRowReason | null;
    if (lines) reason = lines.convert(reader, stage);
    else {
      const result = stagedConverter!(reader.record());
      reason = result.ok ? null : result.reason;
      if (result.ok && stage) csv += stagedRowCsv(importId, result.row);
    }
    if (reason === null) {
      if (stage) staged++;
    } else {
      badRows++;
      const raw = reader.raw();
      errorsCsv += badRowCsv(importId, { line: reader.line, reason: reasonText(reason), detail: reason, raw: raw.length > 2000 ? `${raw.slice(0, 2000)}…` : raw });
      errorCount++;
    }
    if (staged >= batchSize || errorCount >= batchSize) await flush();
  }
}

async function flush() {
  const batch = lines?.take() ?? { tuples: NO_TUPLES, customerIds: [] };
  if (input.badRowPolicy === "rollback" && badRows > 0) ((batch.tuples = NO_TUPLES), (batch.customerIds = []), (csv = ""), (staged = 0));
  const transfer = batch.tuples.byteLength > 0 ? [batch.tuples.buffer as ArrayBuffer] : [];
  post({ type: "batch", tuples: batch.tuples, csv, staged, errorsCsv, rowsRead, badRows, customerIds: batch.customerIds }, transfer);
  csv = "";
  staged = 0;
  errorsCsv = "";
  errorCount = 0;
  await acknowledged();
}

async function main() {
  const source = Readable.from(chunks(), { highWaterMark: 1 });
  const stream = gzipped ? source.pipe(createGunzip({ chunkSize: 256 * 1024 })) : source;
  const checker = new ByteTextChecker();
  // Only a failure of the stream itself (zlib) means a broken gzip; anything thrown while parsing is itself.
  let parsing = false;
  try {
    for await (const piece of stream as AsyncIterable<Buffer>) {
      parsing = true;
      reader.push(checker.check(piece));
      await drain();
      parsing = false;
    }
  } catch (error) {
    if (parsing || error instanceof FileProblem || (error instanceof Error && error.name === "AppError")) throw error;
    throw new FileProblem("The file looks gzipped but cannot be decompressed (is it complete?).");
  }
  reader.push(checker.check(NO_TUPLES, true), true);
  await drain();
  if (!lines && !stagedConverter) throw new FileProblem("The file has no header row.");
  await flush();
  post({ type: "done", rowsRead, badRows });
}

main().catch((error: unknown) => post({ type: "fatal", message: error instanceof Error ? error.message : String(error) }));
