// Benchmark: the full retail log (541,909 rows, gzipped CSV) imported through the app's own code
// path — upload streamed into chunks, detection, the data-import job with its parsing worker, the binary
// COPY into transactions and the step that makes the lines count — next to PostgreSQL's own COPY of the same decompressed rows, in the same run.
// Run: npx tsx bench/import-retail.ts   (BENCH_DB=pglite runs the import on embedded PGlite instead;
// BENCH_KIND=usage_events imports the log as usage: its 135,080 lines without a customer become bad rows)
import { createReadStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getDataImport } from "@/db/queries/data-imports";
import { getJob } from "@/db/queries/jobs";
import { signUp } from "@/lib/accounts/sign-up";
import { DATASETS } from "@/lib/datasets";
import { ZStartImportInput } from "@/lib/customers/import/schemas";
import { startImport } from "@/lib/customers/import/start-import";
import { receiveUpload, type ImportPreview } from "@/lib/customers/import/upload";
import { jobHandlers } from "@/lib/jobs/job-handlers";
import { runNextJob } from "@/lib/jobs/run-next-job";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { trackPeakRss } from "./lib/process-usage";
import { createTemporaryDatabase } from "./lib/temporary-database";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const FILE = process.env.BENCH_RETAIL_FILE ?? DATASETS.onlineRetail;
const ON_PGLITE = process.env.BENCH_DB === "pglite";
const AS_USAGE = process.env.BENCH_KIND === "usage_events";

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString("en")} rows/s`;
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

async function importThroughApp(handle: DatabaseHandle, user: { id: string }, workspace: { id: string }) {
  const db = handle.db;
  const started = performance.now();
  const uploaded = await receiveUpload(db, {
    workspaceId: workspace.id,
    userId: user.id,
    kind: AS_USAGE ? "usage_events" : "transactions",
    fileName: path.basename(FILE),
    body: Readable.toWeb(createReadStream(FILE)) as ReadableStream<Uint8Array>,
    contentLength: undefined,
    maxBytes: 200 * 1024 * 1024,
  });
  const uploadMs = performance.now() - started;
  // The mapping the upload proposed, as the UI would show it; the user only confirms it.
  const { detection, proposal } = uploaded.options as unknown as ImportPreview;
  const mapping = AS_USAGE ? { ...proposal, eventName: "StockCode" } : proposal;
  const input = ZStartImportInput.parse({ delimiter: detection.delimiter, decimalSeparator: detection.decimalSeparator, dateFormat: detection.dateFormat, timeZone: "UTC", badRowPolicy: "keep-good", mapping });
  await startImport(db, { workspaceId: workspace.id, importId: uploaded.id, input, userId: user.id });
  const jobStarted = performance.now();
  const job = await runNextJob(db, { instanceId: "bench", handlers: { "data-import": jobHandlers["data-import"]! } });
  const finished = await getJob(db, { workspaceId: workspace.id, jobId: job!.id });
  const phases = finished?.result as { readMs: number; completeMs: number };
  const jobMs = performance.now() - jobStarted;
  const done = (await getDataImport(db, { workspaceId: workspace.id, importId: uploaded.id }))!;
  if (done.status !== "succeeded") throw new Error(`Import ${done.status}: ${done.error}`);
  const endedAt = performance.now();
  return { done, uploadMs, jobMs, totalMs: endedAt - started, phases };
}

/**
 * PostgreSQL's own COPY of the same decompressed rows: into a bare table (the brief's baseline), and
 * into a twin indexed like transactions (its one index, on workspace and import).
 */
async function copyBaselines(url: string): Promise<{ rows: number; bareMs: number; indexedMs: number }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const columns = "invoice_no text, stock_code text, description text, quantity numeric(14,3), invoice_date timestamp, unit_price numeric(14,4), customer_id text, country text";
  await sql.unsafe(`create table retail_copy (${columns})`);
  await sql.unsafe(`create table retail_copy_indexed (${columns},
    workspace_id uuid not null default '00000000-0000-4000-8000-000000000001',
    import_id uuid default '00000000-0000-4000-8000-000000000002')`);
  await sql.unsafe(`create index on retail_copy_indexed (workspace_id, import_id)`);
  const copy = async (table: string) => {
    const started = performance.now();
    const writable = await sql.unsafe(`copy ${table} (invoice_no, stock_code, description, quantity, invoice_date, unit_price, customer_id, country) from stdin with (format csv, header true)`).writable();
    await pipeline(createReadStream(FILE), createGunzip(), writable);
    return performance.now() - started;
  };
  const bareMs = await copy("retail_copy");
  const indexedMs = await copy("retail_copy_indexed");
  const [{ n }] = (await sql`select count(*)::int as n from retail_copy`) as unknown as [{ n: number }];
  await sql.end();
  return { rows: n, bareMs, indexedMs };
}

async function main() {
  const peak = trackPeakRss();
  const rssBefore = process.memoryUsage.rss();
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  let url: string | undefined;
  if (ON_PGLITE) {
    const dir = mkdtempSync(path.join(tmpdir(), "needscape-bench-"));
    handle = openDatabase({ kind: "pglite", dir: path.join(dir, "pglite") });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const temporary = await createTemporaryDatabase(ADMIN_URL);
    url = temporary.url;
    handle = openDatabase({ kind: "postgres", url });
    cleanup = temporary.drop;
  }
  try {
    await migrateDatabase(handle);
    const user = await signUp(handle.db, { email: `bench-${Date.now()}@example.com`, name: "Bench", password: "correct-horse-42" });
    const workspace = await createWorkspace(handle.db, { ownerId: user.id, input: { name: "Import bench" } });
    const app = await importThroughApp(handle, user, workspace);
    const growth = peak();
    const rows = app.done.rowCount ?? 0;
    console.log(`Retail log import ${AS_USAGE ? "as usage events " : ""}on ${ON_PGLITE ? "PGlite" : "PostgreSQL"} (${path.basename(FILE)})`);
    console.log(`  rows read ${rows.toLocaleString("en")}, imported ${app.done.importedCount?.toLocaleString("en")}, unchanged ${app.done.unchangedCount}, bad ${app.done.badRowCount}`);
    console.log(`  upload (stream into chunks + detection): ${seconds(app.uploadMs)}`);
    console.log(`  import job (worker parse + COPY + completion): ${seconds(app.jobMs)} = ${rate(rows, app.jobMs)}`);
    console.log(`    of which reading (worker: gunzip, parse, validate, encode; main: binary COPY into the line table) ${seconds(app.phases.readMs)}, completing (make the lines count) ${seconds(app.phases.completeMs)}`);
    console.log(`  upload + import: ${seconds(app.totalMs)} = ${rate(rows, app.totalMs)}`);
    console.log(`  peak RSS growth of this process (main thread + worker): ${mib(growth)} (RSS before ${mib(rssBefore)}; max RSS ${mib(process.resourceUsage().maxRSS * 1024)})`);
    // The same file again: every line is already there, so the completion drops them all (idempotent).
    const again = await importThroughApp(handle, user, workspace);
    console.log(`  re-import of the same file: ${seconds(again.jobMs)} (imported ${again.done.importedCount}, unchanged ${again.done.unchangedCount?.toLocaleString("en")}; completing ${seconds(again.phases.completeMs)})`);
    if (url) {
      const copy = await copyBaselines(url);
      console.log(`  PostgreSQL COPY of the same ${copy.rows.toLocaleString("en")} rows (gunzip + COPY) into a bare table: ${seconds(copy.bareMs)} = ${rate(copy.rows, copy.bareMs)}`);
      console.log(`  … into a table indexed like transactions (workspace, import): ${seconds(copy.indexedMs)} = ${rate(copy.rows, copy.indexedMs)}`);
      console.log(`  ratio import job / bare COPY: ${(app.jobMs / copy.bareMs).toFixed(2)}× (aim ≤ 3×); / indexed COPY: ${(app.jobMs / copy.indexedMs).toFixed(2)}×`);
    }
  } finally {
    await handle.close();
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
