import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./tests/e2e/support/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
// E2E_BASE_URL points the tests at a server you already run (e.g. `next dev`) instead of starting a fresh one.
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT ?? "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
    // A fresh database for every run: migrated, then the production build is served on it.
    command: "node_modules/.bin/tsx scripts/e2e-server.ts",
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { E2E_PORT: String(port) },
        stdout: "ignore",
        stderr: "pipe",
      },
});
