// `npm test`: unit + integration tests (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), a production build,
// then Playwright end-to-end tests on PGlite and on PostgreSQL. Ends with one line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import postgres from "postgres";
import { buildIfNeeded } from "./build-if-needed";
import { ensureChromium } from "./ensure-chromium";

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv[2]; // optional: "unit" or "e2e"

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

function runVitest(): void {
  const report = "test-results/vitest.json";
  rmSync(report, { force: true });
  const status = run("node_modules/.bin/vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`], { DATABASE_URL: "" });
  const json = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(report);
  if (!json) {
    console.error("vitest produced no report");
    total.failed += 1;
    return;
  }
  total.passed += json.numPassedTests;
  total.failed += json.numFailedTests + (status !== 0 && json.numFailedTests === 0 ? 1 : 0);
  total.skipped += json.numPendingTests + json.numTodoTests;
}

function runPlaywright(label: string, port: number, env: Record<string, string>): void {
  const report = `test-results/e2e-${label}.json`;
  rmSync(report, { force: true });
  console.log(`\n▶ End-to-end tests on ${label}`);
  const status = run("node_modules/.bin/playwright", ["test"], { ...env, E2E_PORT: String(port), E2E_JSON_REPORT: report });
  const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report);
  if (!json) {
    console.error(`Playwright (${label}) produced no report`);
    total.failed += 1;
    return;
  }
  total.passed += json.stats.expected;
  total.failed += json.stats.unexpected + json.stats.flaky + (status !== 0 && json.stats.unexpected === 0 ? 1 : 0);
  total.skipped += json.stats.skipped;
}

async function withTemporaryDatabase(adminUrl: string, use: (url: string) => void): Promise<void> {
  const name = `needscape_e2e_${randomBytes(5).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    use(url.toString());
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

mkdirSync("test-results", { recursive: true });
if (only !== "e2e") runVitest();
if (only !== "unit") {
  const chromium = ensureChromium();
  buildIfNeeded();
  runPlaywright("pglite", 3100, { CHROMIUM_PATH: chromium, E2E_DATABASE_URL: "" });
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) await withTemporaryDatabase(pgUrl, (url) => runPlaywright("postgres", 3101, { CHROMIUM_PATH: chromium, E2E_DATABASE_URL: url }));
  else console.log("\n(TEST_DATABASE_URL is not set: end-to-end tests ran on PGlite only.)");
}
const skipped = total.skipped ? `, ${total.skipped} skipped` : "";
console.log(`\n${total.passed} passed, ${total.failed} failed${skipped}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
