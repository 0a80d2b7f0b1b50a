import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { databasePoolSize, databaseUrl, pgliteDir } from "@/lib/env";
import { acquirePgliteLock } from "./pglite-lock";
import * as schema from "./schema";

/** One type for both drivers, so every query runs unchanged on PGlite and PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
  /** The raw driver, for migrations and LISTEN/NOTIFY. */
  driver: { kind: "pglite"; client: PGlite } | { kind: "postgres"; client: postgres.Sql };
};

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

/** Where the app's database lives: PostgreSQL when DATABASE_URL is set, else embedded PGlite under .data/. */
export function defaultDatabaseTarget(): DatabaseTarget {
  const url = databaseUrl();
  return url ? { kind: "postgres", url } : { kind: "pglite", dir: pgliteDir() };
}

export function openDatabase(target: DatabaseTarget = defaultDatabaseTarget()): DatabaseHandle {
  if (target.kind === "postgres") {
    const client = postgres(target.url, { max: databasePoolSize(), onnotice: () => {} });
    return {
      db: drizzlePostgres(client, { schema, casing: "snake_case" }) as unknown as Database,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
      driver: { kind: "postgres", client },
    };
  }
  let release = () => {};
  if (!target.dir.includes("://")) {
    // PGlite creates its own folder but not missing parents.
    mkdirSync(path.dirname(path.resolve(target.dir)), { recursive: true });
    release = acquirePgliteLock(path.resolve(target.dir));
  }
  const client = new PGlite(target.dir);
  return {
    db: drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
    driver: { kind: "pglite", client },
  };
}

// One connection (pool) per process; kept on globalThis so dev-mode module reloads reuse it.
const globalForDb = globalThis as unknown as { needscapeDb?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  globalForDb.needscapeDb ??= openDatabase();
  return globalForDb.needscapeDb;
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}
