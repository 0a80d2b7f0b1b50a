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

/**
 * COPYs one batch of binary tuples (made by the parsing worker for LINE_COPY_COLUMNS[kind]) into the
 * line table. One COPY per batch on either driver: no connection is held between batches, and PGlite
 * (which reads COPY input from a blob) yields the main thread in between.
 */
export async function copyLineTuples(db: Database, params: { kind: LineKind; tuples: Uint8Array }): Promise<void> {
  if (params.tuples.byteLength === 0) return;
  const statement = `copy ${params.kind} (${LINE_COPY_COLUMNS[params.kind].join(", ")})`;
  const client = (db as unknown as { $client: RawClient }).$client;
  if (typeof client.unsafe === "function") {
    const sqlClient = client as unknown as import("postgres").Sql;
    const writable = await sqlClient.unsafe(`${statement} from stdin with (format binary)`).writable();
    await new Promise<void>((resolve, reject) => {
      writable.on("error", reject);
      writable.on("finish", resolve);
      writable.write(COPY_HEADER);
      writable.write(params.tuples);
      writable.end(COPY_TRAILER);
    });
  } else {
    const blob = new Blob([COPY_HEADER, params.tuples as Uint8Array<ArrayBuffer>, COPY_TRAILER]);
    await client.query!(`${statement} from '/dev/blob' with (format binary)`, [], { blob });
  }
}

/** Deletes the lines an import has loaded so far (a failed, cancelled, rolled-back or restarted run). */
export async function deleteImportLines(db: Database, params: ImportKey & { kind: LineKind }): Promise<void> {
  await db.execute(sql`delete from ${sql.raw(params.kind)} where workspace_id = ${params.workspaceId} and import_id = ${params.importId}`);
}

/**
 * The last step of a line import, in one transaction: drops the import's lines whose key the workspace
 * already has (so re-importing a file changes nothing), adds the customers the lines name, and marks
 * the import succeeded — which is the moment its lines start to count. A per-workspace lock makes two
 * imports finishing at once take turns, so neither misses the other's lines.
 */
export async function completeLineImport(
  db: Database,
  params: ImportKey & { kind: LineKind; customerIds: readonly string[]; patch: { rowCount: number; badRowCount: number } },
): Promise<{ imported: number; unchanged: number }> {
  const { workspaceId, importId, kind } = params;
  const table = sql.raw(kind);
  const key = sql.raw(KEY_COLUMN[kind]);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('needscape:line-import'), hashtext(${workspaceId}))`);
    const [{ loaded }] = rowsOf<{ loaded: number }>(
      await tx.execute(sql`select count(*)::int as loaded from ${table} where workspace_id = ${workspaceId} and import_id = ${importId}`),
    ) as [{ loaded: number }];
    // The common first import has nothing to compare with; later ones join on the key (a hash join).
    const [{ earlier }] = rowsOf<{ earlier: boolean }>(
      await tx.execute(sql`select exists (select 1 from ${table} o where ${visibleLines("o", workspaceId)} and o.import_id is distinct from ${importId}) as earlier`),
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
    const imported = Number(loaded) - unchanged;
    await tx.execute(sql`
      update data_imports set status = 'succeeded', error = null, row_count = ${params.patch.rowCount}, imported_count = ${imported},
        unchanged_count = ${unchanged}, bad_row_count = ${params.patch.badRowCount}, finished_at = now()
      where workspace_id = ${workspaceId} and id = ${importId}`);
    return { imported, unchanged };
  });
}
