import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import postgres from "postgres";
import { openDatabase, type Database, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export type TestDatabaseKind = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A fresh, migrated database for one describe block: an in-memory PGlite, or a new
 * PostgreSQL database created for this block and dropped after it, so tests never share data.
 */
export function useTestDatabase(kind: TestDatabaseKind): { readonly db: Database; readonly handle: DatabaseHandle } {
  let handle: DatabaseHandle | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (kind === "pglite") {
      handle = openDatabase({ kind: "pglite", dir: "memory://" });
    } else {
      const adminUrl = process.env.TEST_DATABASE_URL!;
      const name = `needscape_test_${randomBytes(6).toString("hex")}`;
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      handle = openDatabase({ kind: "postgres", url: url.toString() });
      dropDatabase = async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
    }
    await migrateDatabase(handle);
  });

  afterAll(async () => {
    await handle?.close();
    await dropDatabase?.();
  });

  return {
    get db() {
      if (!handle) throw new Error("Test database not ready");
      return handle.db;
    },
    get handle() {
      if (!handle) throw new Error("Test database not ready");
      return handle;
    },
  };
}
