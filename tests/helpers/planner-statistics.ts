import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

const rowsOf = (result: unknown) => ((result as { rows?: unknown[] }).rows ?? (result as unknown[])) as Record<string, unknown>[];

/**
 * The planner's row estimate of a table next to its true row count. ANALYZE sets the estimate
 * (-1 until a table was first analysed), so the two agree only when statistics were refreshed after the last write.
 */
export async function plannerEstimate(db: Database, table: string): Promise<{ estimate: number; rows: number }> {
  const [row] = rowsOf(
    await db.execute(sql`select c.reltuples::bigint as estimate, (select count(*) from ${sql.raw(table)}) as rows from pg_class c where c.oid = ${table}::regclass`),
  );
  return { estimate: Number(row!.estimate), rows: Number(row!.rows) };
}
