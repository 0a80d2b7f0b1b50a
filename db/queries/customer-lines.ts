import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { LINE_COPY_COLUMNS, type LineKind } from "@/lib/customers/import/worker-protocol";

/**
 * Transaction lines and usage events as the importer bulk-loads them (see the schema's note on
 * `transactions`): COPYed in binary straight into the real table, tagged with their import, and
 * counted only once that import has succeeded. The final step of an import makes its lines count
 * in one short transaction; a failed, cancelled or rolled-back import deletes them unseen.
 */

type WorkspaceKey = { workspaceId: string };
type ImportKey = WorkspaceKey & { importId: string };

const KEY_COLUMN: Record<LineKind, string> = { transactions: "line_key", usage_events: "event_key" };

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/**
 * The lines that count, as a WHERE fragment on a line table aliased `alias`: those loaded outside the
 * importer (no import) and those of succeeded imports. Every reader of transactions and usage_events uses it.
 */
export function visibleLines(alias: string, workspaceId: string): SQL {
  const a = sql.raw(alias);
  return sql`${a}.workspace_id = ${workspaceId} and (${a}.import_id is null or ${a}.import_id in (
    select i.id from data_imports i where i.workspace_id = ${workspaceId} and i.status = 'succeeded'))`;
}

/** PostgreSQL's binary COPY framing: signature, flags, header extension length; and the trailer. */
const COPY_HEADER = Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)]);
const COPY_TRAILER = Buffer.from([0xff, 0xff]);

type RawClient = { unsafe?: unknown; query?: (sql: string, params: unknown[], options: { blob: Blob }) => Promise<unknown> };

/** A COPY of one import's lines, fed batch by batch (binary tuples for LINE_COPY_COLUMNS[kind]). */
export type LineCopy = {
  /** Resolves when the batch may be dropped (PostgreSQL: handed to the socket without backpressure). */
  write(tuples: Uint8Array): Promise<void>;
  /** Ends the COPY; resolves once the server has taken every row. */
  finish(): Promise<void>;
  /** Abandons the COPY (the server discards what it had of it). */
  abort(): void;
};

/**
 * Opens the COPY of an import's lines. On PostgreSQL this is one COPY statement for the whole file
 * on one pooled connection: a COPY per batch would wait a network round trip (and the peer's delayed
 * acknowledgement) per batch, which measured three times slower. PGlite reads COPY input from a blob,
 * so there each batch is its own COPY, with a turn of the event loop before it so that the main
 * thread serves requests between batches.
 */
export function openLineCopy(db: Database, kind: LineKind): LineCopy {
  const statement = `copy ${kind} (${LINE_COPY_COLUMNS[kind].join(", ")})`;
  const client = (db as unknown as { $client: RawClient }).$client;
  if (typeof client.unsafe !== "function") {
    return {
      async write(tuples) {
        if (tuples.byteLength === 0) return;
        // PGlite runs a query synchronously and settles it with microtasks only, so batches queued
        // behind each other would run back to back and starve every request for the whole file.
        // A turn of the event loop before each batch lets requests (progress polls) in between.
        await new Promise((resolve) => setImmediate(resolve));
        const blob = new Blob([COPY_HEADER, tuples as Uint8Array<ArrayBuffer>, COPY_TRAILER]);
        await client.query!(`${statement} from '/dev/blob' with (format binary)`, [], { blob });
      },
      finish: async () => {},
      abort: () => {},
    };
  }
  const sqlClient = client as unknown as import("postgres").Sql;
  let failure: unknown;
  let opened: Promise<import("node:stream").Writable> | undefined;
  const open = () =>
    (opened ??= sqlClient
      .unsafe(`${statement} from stdin with (format binary)`)
      .writable()
      .then((writable) => {
        // Kept even when nobody waits, so a late server error fails the next write instead of the process.
        writable.on("error", (error) => (failure ??= error));
        writable.write(COPY_HEADER);
        return writable;
      }));
  const settled = (writable: import("node:stream").Writable, event: "drain" | "finish") =>
    new Promise<void>((resolve, reject) => {
      const onError = (error: unknown) => (cleanup(), reject(error));
      const onDone = () => (cleanup(), resolve());
      const cleanup = () => (writable.off("error", onError), writable.off(event, onDone));
      writable.once("error", onError);
      writable.once(event, onDone);
    });
  return {
    async write(tuples) {
      if (tuples.byteLength === 0) return;
      const writable = await open();
      if (failure) throw failure;
      if (!writable.write(tuples)) await settled(writable, "drain");
    },
    async finish() {
      if (!opened) return;
      const writable = await opened;
      if (failure) throw failure;
      const done = settled(writable, "finish");
      writable.end(COPY_TRAILER);
      await done;
    },
    abort() {
      void opened?.then((writable) => writable.destroy(new Error("The import stopped.")));
    },
  };
}

/** Deletes the lines an import has loaded so far (a failed, cancelled, rolled-back or restarted run). */
export async function deleteImportLines(db: Database, params: ImportKey & { kind: LineKind }): Promise<void> {
  await db.execute(sql`delete from ${sql.raw(params.kind)} where workspace_id = ${params.workspaceId} and import_id = ${params.importId}`);
}

/**
 * The last step of a line import (`loaded`: the lines its COPY wrote), in one transaction: drops the import's lines whose key the workspace
 * already has (so re-importing a file changes nothing), adds the customers the lines name, and marks
 * the import succeeded — which is the moment its lines start to count. A per-workspace lock makes two
 * imports finishing at once take turns, so neither misses the other's lines.
 */
export async function completeLineImport(
  db: Database,
  params: ImportKey & {
    kind: LineKind;
    loaded: number;
    customerIds: readonly string[];
    patch: { rowCount: number; badRowCount: number; badRowCounts?: Record<string, number>; decompressedBytes?: number };
  },
): Promise<{ imported: number; unchanged: number }> {
  const { workspaceId, importId, kind } = params;
  const table = sql.raw(kind);
  const key = sql.raw(KEY_COLUMN[kind]);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('needscape:line-import'), hashtext(${workspaceId}))`);
    // The common first import has nothing to compare with; later ones join on the key (a hash join).
    // Asked per import, so that each question is an index lookup rather than a scan past this import's own lines.
    const [{ earlier }] = rowsOf<{ earlier: boolean }>(
      await tx.execute(sql`select
        exists (select 1 from ${table} o where o.workspace_id = ${workspaceId} and o.import_id is null)
        or exists (select 1 from data_imports i where i.workspace_id = ${workspaceId} and i.status = 'succeeded' and i.id <> ${importId}
          and exists (select 1 from ${table} o where o.workspace_id = ${workspaceId} and o.import_id = i.id)) as earlier`),
    ) as [{ earlier: boolean }];
    let unchanged = 0;
    if (earlier) {
      const [{ n }] = rowsOf<{ n: number }>(
        await tx.execute(sql`
          with dropped as (
            delete from ${table} n using ${table} o
            where n.workspace_id = ${workspaceId} and n.import_id = ${importId}
              and ${visibleLines("o", workspaceId)} and o.import_id is distinct from ${importId} and o.${key} = n.${key}
            returning 1)
          select count(*)::int as n from dropped`),
      ) as [{ n: number }];
      unchanged = Number(n);
    }
    for (let i = 0; i < params.customerIds.length; i += 50_000) {
      const ids = params.customerIds.slice(i, i + 50_000);
      await tx.execute(sql`
        insert into customers (workspace_id, external_id)
        select ${workspaceId}::uuid, id from json_array_elements_text(${JSON.stringify(ids)}::json) as ids(id)
        on conflict do nothing`);
    }
    const imported = params.loaded - unchanged;
    await tx.execute(sql`
      update data_imports set status = 'succeeded', error = null, row_count = ${params.patch.rowCount}, imported_count = ${imported},
        unchanged_count = ${unchanged}, bad_row_count = ${params.patch.badRowCount},
        bad_row_counts = ${JSON.stringify(params.patch.badRowCounts ?? {})}::jsonb, decompressed_bytes = ${params.patch.decompressedBytes ?? null}, finished_at = now()
      where workspace_id = ${workspaceId} and id = ${importId}`);
    return { imported, unchanged };
  });
}
