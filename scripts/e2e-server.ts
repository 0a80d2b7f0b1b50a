// Serves the built app for Playwright on a brand-new database: a fresh PGlite folder, or E2E_DATABASE_URL (local only).
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrateDefaultDatabase } from "./migrate";
import { startNextServer } from "./next-server";

const port = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = process.env.E2E_DATABASE_URL;

if (databaseUrl) {
  const host = new URL(databaseUrl).hostname;
  // Guard from dub: end-to-end tests write freely, so they never run against a remote database.
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    console.error(`Refusing to run end-to-end tests against a non-local database (${host}).`);
    process.exit(1);
  }
  process.env.DATABASE_URL = databaseUrl;
} else {
  delete process.env.DATABASE_URL;
  mkdirSync(".data/e2e", { recursive: true });
  process.env.PGLITE_DIR = mkdtempSync(path.resolve(".data/e2e/pglite-"));
}
process.env.NEXTAUTH_SECRET ??= "e2e-only-secret-not-for-production";
// Account mail (password resets) is written here as .eml files, one folder per port, emptied per run;
// tests/e2e/support/mail-drop.ts reads it. No SMTP, so nothing leaves the machine.
process.env.NEEDSCAPE_MAIL_DIR = path.resolve(`.data/e2e/mail-${port}`);
rmSync(process.env.NEEDSCAPE_MAIL_DIR, { recursive: true, force: true });
delete process.env.SMTP_HOST;
// The suite signs up hundreds of accounts, signs in and submits responses from 127.0.0.1, all one
// client to the per-address limits: those are raised for it (an env already set wins). The per-account
// sign-in back-off and the per-user/per-e-mail limits keep their defaults (tests/e2e/rate-limits.spec.ts).
for (const name of ["SIGN_IN_PER_ADDRESS", "SIGN_UP_PER_ADDRESS", "INVITATION_PER_ADDRESS", "SUBMIT_PER_ADDRESS", "RESPONDENT_PER_ADDRESS", "PASSWORD_RESET_PER_ADDRESS", "SHARE_PASSWORD_PER_ADDRESS"]) {
  process.env[`RATE_LIMIT_${name}`] ||= "1000000/1m";
}
// An origin that may frame the respondent page: the same loopback server under another host name, so the
// browser's private-network rules do not interfere (tests/e2e/security-headers.spec.ts frames it from there).
process.env.EMBED_ALLOWED_ORIGINS ??= `http://127.0.0.1:${port}`;

await migrateDefaultDatabase();
startNextServer({ port });
