// `npm run demo`: the embedded database with the demo workspace, built and served on :3000.
import { openDatabase } from "@/db/client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/db/seed/seed-demo";
import { authSecret, isEmbedded } from "@/lib/env";
import { buildIfNeeded } from "./build-if-needed";
import { migrateDefaultDatabase } from "./migrate";
import { startNextServer } from "./next-server";

const port = Number(process.env.PORT ?? 3000);

authSecret();
await migrateDefaultDatabase();
const handle = openDatabase();
try {
  console.log(`Loading the demo workspace into ${isEmbedded() ? "the embedded database (.data/pglite)" : "DATABASE_URL"} (first start: 20–40 seconds, the retail log goes through the importer twice)…`);
  const result = await seedDemo(handle.db);
  console.log(
    result.created
      ? `Demo loaded: ${result.respondents} respondents with customer ids, ${result.transactions.toLocaleString("en")} retail transactions with RFM, ${result.usageEvents.toLocaleString("en")} usage events with engagement tiers, 6 segments with personas.`
      : "Demo already loaded.",
  );
} finally {
  await handle.close();
}
buildIfNeeded();
const server = startNextServer({ port });
server.once("spawn", () =>
  setTimeout(() => {
    console.log(`
  Needscape is running at http://localhost:${port}
  Sign in as the researcher: ${DEMO_USERS.researcher.email} / ${DEMO_PASSWORD}
  or as a read-only viewer:  ${DEMO_USERS.viewer.email} / ${DEMO_PASSWORD}
  Stop with Ctrl+C.
`);
  }, 1500),
);
