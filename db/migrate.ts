import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { DatabaseHandle } from "./client";

const migrationsFolder = path.resolve(process.env.NEEDSCAPE_MIGRATIONS_DIR ?? "drizzle");

// Arbitrary constant: serialises migrations when several app instances start at once on one PostgreSQL.
const MIGRATION_LOCK_ID = 724_311_906;

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.driver.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // A session-level advisory lock on one reserved connection, held for the whole migration.
  const reserved = await handle.driver.client.reserve();
  try {
    await reserved`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
  } finally {
    await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    reserved.release();
  }
}
