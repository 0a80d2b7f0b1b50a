// Applies drizzle/ migrations to the app's database (PGlite under .data/ or DATABASE_URL). Run before the server starts.
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export async function migrateDefaultDatabase(): Promise<void> {
  const handle = openDatabase();
  try {
    await migrateDatabase(handle);
    // PGlite runs no autovacuum: refresh the planner's statistics of every table once per start
    // (bulk writes refresh theirs as they happen; this catches everything else, a second or less).
    if (handle.driver.kind === "pglite") await handle.db.execute(sql`analyze`);
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrateDefaultDatabase()
    .then(() => console.log("Database migrated."))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
