import { Readable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import { createGunzip } from "node:zlib";
import { CsvParser, type CsvRecord } from "./csv-parser";
import { uniqueHeader } from "./detect";
import { TextChecker } from "./file-head";
import { createRowConverter, stagedRowCsv, type BadRow } from "./row-converter";
import { mappingProblems, type TImportKind, type TStartImportInput } from "./schemas";
import type { ToWorker, FromWorker } from "./worker-protocol";

/**
 * The import's parsing thread: asks the main thread for the file's chunks one at a time, gunzips,
 * decodes, parses and validates, and posts staged rows back in batches, waiting for each batch to
 * be written before going on (so memory stays flat whatever the file's size). It never opens the
 * database: with PGlite the only connection lives in the main thread.
 */
const { kind, input, gzipped, batchSize, importId } = workerData as { kind: TImportKind; input: TStartImportInput; gzipped: boolean; batchSize: number; importId: string };
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

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
    yield Buffer.from(m.data);
  }
}

let converter: ((record: CsvRecord) => ReturnType<ReturnType<typeof createRowConverter>>) | undefined;
// Staged rows leave the worker as CSV text ready for COPY: the formatting costs the worker, not the main thread.
let csv = "";
let staged = 0;
let errors: BadRow[] = [];
let rowsRead = 0;
let badRows = 0;

class FileProblem extends Error {}

async function handle(records: CsvRecord[]) {
  for (const record of records) {
    if (!converter) {
      const header = uniqueHeader(record.fields);
      const problems = mappingProblems(kind, input.mapping, header);
      if (Object.keys(problems).length > 0) throw new FileProblem(Object.values(problems).flat().join(" "));
      converter = createRowConverter(kind, input, header);
      continue;
    }
    rowsRead++;
    const result = converter(record);
    if (result.ok) {
      // Under the roll-back policy one bad row dooms the import: keep checking, stop staging.
      if (!(input.badRowPolicy === "rollback" && badRows > 0)) (csv += stagedRowCsv(importId, result.row)), staged++;
    } else {
      badRows++;
      errors.push({ line: record.line, reason: result.reason, raw: record.raw.length > 2000 ? `${record.raw.slice(0, 2000)}…` : record.raw });
    }
    if (staged >= batchSize || errors.length >= batchSize) await flush();
  }
  if (input.badRowPolicy === "rollback" && badRows > 0) (csv = ""), (staged = 0);
}

async function flush() {
  post({ type: "batch", csv, staged, errors, rowsRead, badRows });
  csv = "";
  staged = 0;
  errors = [];
  await acknowledged();
}

async function main() {
  const source = Readable.from(chunks(), { highWaterMark: 1 });
  const stream = gzipped ? source.pipe(createGunzip()) : source;
  const checker = new TextChecker();
  const parser = new CsvParser(input.delimiter);
  try {
    for await (const piece of stream as AsyncIterable<Buffer>) await handle(parser.push(checker.decode(piece)));
  } catch (error) {
    if (error instanceof FileProblem || (error instanceof Error && error.name === "AppError")) throw error;
    throw new FileProblem("The file looks gzipped but cannot be decompressed (is it complete?).");
  }
  await handle(parser.push(checker.decode(undefined, true), true));
  if (!converter) throw new FileProblem("The file has no header row.");
  await flush();
  post({ type: "done", rowsRead, badRows });
}

main().catch((error: unknown) => post({ type: "fatal", message: error instanceof Error ? error.message : String(error) }));
