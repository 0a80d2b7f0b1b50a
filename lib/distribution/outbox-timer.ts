import { getDb } from "@/db/client";
import { deliverAccountMessages } from "@/lib/accounts/account-mail";
import { processDueMessages } from "./process-outbox";

const INTERVAL_MS = 60_000;
const globalForTimer = globalThis as unknown as { needscapeOutboxTimer?: NodeJS.Timeout };

/** Runs the due-message processor every minute in this server process; safe with many instances (rows are claimed). */
export function startOutboxTimer(): void {
  if (globalForTimer.needscapeOutboxTimer) return;
  globalForTimer.needscapeOutboxTimer = setInterval(() => {
    processDueMessages(getDb()).catch((error) => console.error("Outbox processing failed", error));
    // Account mail (password resets) too; normally already sent right after the request that queued it.
    deliverAccountMessages(getDb()).catch((error) => console.error("Account mail delivery failed", error));
  }, INTERVAL_MS);
  globalForTimer.needscapeOutboxTimer.unref();
}
