import { and, asc, count, desc, eq, gt, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { BadRowReason } from "@/lib/customers/import/bad-row-reasons";
import { dataImportChunks, dataImportErrors, dataImportRows, dataImports, type DataImport, type DataImportKind } from "@/db/schema";

/**
 * Imports of customer data: the uploaded file's chunks, the staging rows, the bad-row report, and
 * the final move of staged rows into customers / usage summaries (lines: customer-lines.ts).
 */

type WorkspaceKey = { workspaceId: string };
type ImportKey = WorkspaceKey & { importId: string };

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** Staging and error writes name the import only; this keeps them inside the caller's workspace. */
const ownedBy = (params: ImportKey): SQL =>
  sql`exists (select 1 from ${dataImports} where ${dataImports.id} = ${params.importId} and ${dataImports.workspaceId} = ${params.workspaceId})`;

export async function createDataImport(
  db: Database,
  params: WorkspaceKey & { kind: DataImportKind; fileName: string; createdBy?: string | null },
): Promise<DataImport> {
  const [row] = await db
    .insert(dataImports)
    .values({ workspaceId: params.workspaceId, kind: params.kind, fileName: params.fileName, createdBy: params.createdBy ?? null })
    .returning();
  return row!;
}

export async function appendImportChunk(db: Database, params: ImportKey & { seq: number; data: Buffer }): Promise<void> {
  await db.execute(sql`
    insert into ${dataImportChunks} (import_id, seq, data)
    select ${params.importId}, ${params.seq}, ${params.data.toString("base64")} where ${ownedBy(params)}`);
}

export async function readImportChunk(db: Database, params: ImportKey & { seq: number }): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ data: dataImportChunks.data })
    .from(dataImportChunks)
    .where(and(eq(dataImportChunks.importId, params.importId), eq(dataImportChunks.seq, params.seq), ownedBy(params)));
  return row ? Buffer.from(row.data, "base64") : undefined;
}

export async function countImportChunks(db: Database, params: ImportKey): Promise<number> {
  const [row] = await db.select({ n: count() }).from(dataImportChunks).where(and(eq(dataImportChunks.importId, params.importId), ownedBy(params)));
  return Number(row?.n ?? 0);
}

export async function deleteImportChunks(db: Database, params: ImportKey): Promise<void> {
  await db.delete(dataImportChunks).where(and(eq(dataImportChunks.importId, params.importId), ownedBy(params)));
}

export async function getDataImport(db: Database, params: ImportKey): Promise<DataImport | undefined> {
  const [row] = await db.select().from(dataImports).where(and(eq(dataImports.workspaceId, params.workspaceId), eq(dataImports.id, params.importId)));
  return row;
}

export async function listDataImports(db: Database, params: WorkspaceKey & { limit?: number }): Promise<DataImport[]> {
  return db
    .select()
    .from(dataImports)
    .where(eq(dataImports.workspaceId, params.workspaceId))
    .orderBy(desc(dataImports.createdAt))
    .limit(params.limit ?? 50);
}

export type DataImportPatch = Partial<
  Pick<
    DataImport,
    "status" | "byteSize" | "gzipped" | "mapping" | "options" | "jobId" | "rowCount" | "importedCount" | "unchangedCount" | "badRowCount" | "badRowCounts" | "decompressedBytes" | "error" | "finishedAt"
  >
>;

export async function updateDataImport(db: Database, params: ImportKey & { patch: DataImportPatch }): Promise<DataImport | undefined> {
  const [row] = await db
    .update(dataImports)
    .set(params.patch)
    .where(and(eq(dataImports.workspaceId, params.workspaceId), eq(dataImports.id, params.importId)))
    .returning();
  return row;
}

export async function deleteDataImport(db: Database, params: ImportKey): Promise<void> {
  await db.delete(dataImports).where(and(eq(dataImports.workspaceId, params.workspaceId), eq(dataImports.id, params.importId)));
}

/** Forgets staged rows and bad rows of an earlier, unfinished run of the same import. */
export async function clearImportStaging(db: Database, params: ImportKey & { errorsToo?: boolean }): Promise<void> {
  await db.delete(dataImportRows).where(and(eq(dataImportRows.importId, params.importId), ownedBy(params)));
  // Rows of imports deleted while they ran (staging has no foreign key, see the schema).
  await db.execute(sql`delete from ${dataImportRows} r where not exists (select 1 from ${dataImports} i where i.id = r.import_id)`);
  if (params.errorsToo) await db.delete(dataImportErrors).where(and(eq(dataImportErrors.importId, params.importId), ownedBy(params)));
}

/**
 * Deletes all an import has stored besides its record: staged rows, bad rows and the uploaded file
 * (a cancelled import, or one whose file can never fit the limits). Its lines: deleteImportLines.
 */
export async function deleteImportData(db: Database, params: ImportKey): Promise<void> {
  await clearImportStaging(db, { ...params, errorsToo: true });
  await deleteImportChunks(db, params);
}

const STAGING_COLUMNS =
  "import_id, line_number, key, customer_external_id, order_id, occurred_at, item_code, quantity, unit_price, amount, is_cancellation, event_name, attributes, last_active_at, sessions_per_month, active_days_per_month";

type RawClient = { unsafe?: unknown; query?: (sql: string, params: unknown[], options: { blob: Blob }) => Promise<unknown> };

/**
 * Writes one batch of staged rows, given as CSV in STAGING_COLUMNS order (lib/customers/import/
 * row-converter stagedRowCsv). Row-by-row INSERTs were ten times slower.
 */
export async function stageImportCsv(db: Database, params: ImportKey & { csv: string }): Promise<void> {
  await copyCsvOfImport(db, params, `data_import_rows (${STAGING_COLUMNS})`);
}

const ERROR_COLUMNS = "import_id, line_number, reason, detail, raw_line";

/**
 * Writes one batch of bad rows to the import's report, given as CSV in ERROR_COLUMNS order
 * (row-converter badRowCsv). A run starts by clearing its report, so no line is there twice; an
 * INSERT from a JSON array took 40 µs a row, most of a file with many bad rows.
 */
export async function stageImportErrorsCsv(db: Database, params: ImportKey & { csv: string }): Promise<void> {
  await copyCsvOfImport(db, params, `data_import_errors (${ERROR_COLUMNS})`);
}

export type ImportErrorRow = { line: number; reason: string; detail?: BadRowReason | null; raw: string };

/** COPY of CSV text into `target` once the import is known to be the workspace's: PostgreSQL's COPY FROM STDIN through postgres.js, PGlite's COPY FROM '/dev/blob'. */
async function copyCsvOfImport(db: Database, params: ImportKey & { csv: string }, target: string): Promise<void> {
  if (params.csv.length === 0) return;
  if (!(await getDataImport(db, params))) throw new Error("Import not found.");
  const client = (db as unknown as { $client: RawClient }).$client;
  if (typeof client.unsafe === "function") {
    const sqlClient = client as unknown as import("postgres").Sql;
    const writable = await sqlClient.unsafe(`copy ${target} from stdin with (format csv)`).writable();
    await new Promise<void>((resolve, reject) => {
      writable.on("error", reject);
      writable.on("finish", resolve);
      writable.end(params.csv);
    });
  } else {
    await client.query!(`copy ${target} from '/dev/blob' with (format csv)`, [], { blob: new Blob([params.csv]) });
  }
}

/** Bad rows in line order, a page at a time (the report page shows the first 100; the CSV pages through all). */
export async function listImportErrors(db: Database, params: ImportKey & { afterLine?: number; limit: number }): Promise<ImportErrorRow[]> {
  const rows = await db
    .select({ line: dataImportErrors.lineNumber, reason: dataImportErrors.reason, detail: dataImportErrors.detail, raw: dataImportErrors.rawLine })
    .from(dataImportErrors)
    .where(and(eq(dataImportErrors.importId, params.importId), gt(dataImportErrors.lineNumber, params.afterLine ?? 0), ownedBy(params)))
    .orderBy(asc(dataImportErrors.lineNumber))
    .limit(params.limit);
  return rows.map((r) => ({ ...r, raw: r.raw ?? "" }));
}

/** How many bad rows an import has kept row by row (the first ones: IMPORT_MAX_BAD_ROWS_KEPT). */
export async function countImportErrors(db: Database, params: ImportKey): Promise<number> {
  const [row] = await db.select({ n: count() }).from(dataImportErrors).where(and(eq(dataImportErrors.importId, params.importId), ownedBy(params)));
  return Number(row?.n ?? 0);
}

export async function countStagedRows(db: Database, params: ImportKey): Promise<number> {
  const [row] = await db.select({ n: count() }).from(dataImportRows).where(and(eq(dataImportRows.importId, params.importId), ownedBy(params)));
  return Number(row?.n ?? 0);
}

/** The kinds that merge into existing rows, through staging (lines are COPYed straight in: customer-lines.ts). */
export type StagedImportKind = Extract<DataImportKind, "customers" | "usage_summaries">;

const MERGE: Record<StagedImportKind, (ws: string, id: string) => SQL> = {
  // Each reads `chunk`: the staged rows of one line range, deleted from staging by the same statement.
  // Attributes merge into what is there; a row counts as imported only when something changed.
  customers: (ws, id) => sql`
    insert into customers as c (workspace_id, external_id, attributes)
    select ${ws}::uuid, key, coalesce(attributes, '{}'::jsonb) from chunk
    on conflict (workspace_id, external_id) do update set attributes = c.attributes || excluded.attributes, updated_at = now()
      where c.attributes is distinct from c.attributes || excluded.attributes
    returning 1`,
  usage_summaries: (ws, id) => sql`
    insert into usage_summaries as u (workspace_id, customer_external_id, last_active_at, sessions_per_month, active_days_per_month, import_id)
    select ${ws}::uuid, key, last_active_at, sessions_per_month, active_days_per_month, ${id}::uuid from chunk
    on conflict (workspace_id, customer_external_id) do update set last_active_at = excluded.last_active_at,
      sessions_per_month = excluded.sessions_per_month, active_days_per_month = excluded.active_days_per_month,
      import_id = excluded.import_id, updated_at = now()
      where (u.last_active_at, u.sessions_per_month, u.active_days_per_month)
        is distinct from (excluded.last_active_at, excluded.sessions_per_month, excluded.active_days_per_month)
    returning 1`,
};

const MERGE_CHUNK_LINES = 25_000;

/**
 * Moves an import's staged rows into the real tables in one transaction (idempotent: rows already
 * there are left alone and counted as unchanged), adds customers that usage summaries name,
 * and empties the staging rows. The move runs as statements of 25,000 lines each, yielding in between:
 * PGlite executes a statement synchronously on the main thread, so one statement over half a million
 * rows would stall every request of the app for its whole duration.
 */
export async function mergeStagedRows(db: Database, params: ImportKey & { kind: StagedImportKind }): Promise<{ staged: number; imported: number; unchanged: number }> {
  const { workspaceId, importId, kind } = params;
  const owner = await getDataImport(db, params);
  if (!owner) throw new Error("Import not found.");
  return db.transaction(async (tx) => {
    const [range] = rowsOf<{ staged: number; first: number | null; last: number | null }>(
      await tx.execute(sql`select count(*)::int as staged, min(line_number) as first, max(line_number) as last from data_import_rows where import_id = ${importId}`),
    );
    const staged = Number(range?.staged ?? 0);
    if (kind !== "customers" && staged > 0) {
      await tx.execute(sql`
        insert into customers (workspace_id, external_id)
        select distinct ${workspaceId}::uuid, customer_external_id from data_import_rows
        where import_id = ${importId} and customer_external_id is not null
        on conflict do nothing`);
    }
    let imported = 0;
    for (let from = Number(range?.first ?? 0); staged > 0 && from <= Number(range!.last); from += MERGE_CHUNK_LINES) {
      const to = from + MERGE_CHUNK_LINES;
      const [{ n }] = rowsOf<{ n: number }>(
        await tx.execute(sql`
          with chunk as (delete from data_import_rows where import_id = ${importId} and line_number >= ${from} and line_number < ${to} returning *),
          moved as (${MERGE[kind](workspaceId, importId)})
          select count(*)::int as n from moved`),
      ) as [{ n: number }];
      imported += Number(n);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { staged, imported, unchanged: staged - imported };
  });
}
