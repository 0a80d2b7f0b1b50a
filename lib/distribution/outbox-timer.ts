import { getDb } from "@/db/client";
import { processDueMessages } from "./process-outbox";

const INTERVAL_MS = 60_000;
const globalForTimer = globalThis as unknown as { needscapeOutboxTimer?: NodeJS.Timeout };

/** Runs the due-message processor every minute in this server process; safe with many instances (rows are claimed). */
export function startOutboxTimer(): void {
  if (globalForTimer.needscapeOutboxTimer) return;
  globalForTimer.needscapeOutboxTimer = setInterval(() => {
    processDueMessages(getDb()).catch((error) => console.error("Outbox processing failed", error));
  }, INTERVAL_MS);
  globalForTimer.needscapeOutboxTimer.unref();
}
