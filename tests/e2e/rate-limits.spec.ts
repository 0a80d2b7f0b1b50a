import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import postgres from "postgres";
import { startNextServer } from "../../scripts/next-server";
import { PASSWORD, uniqueEmail } from "./support/session";

/**
 * Rate limits through the running app. The suite's server raises the per-address limits (every test
 * comes from 127.0.0.1) but keeps the per-account sign-in back-off at its default: five failures pass,
 * then 1 s, doubling. On PostgreSQL, a per-address limit is also shown to hold across two app processes.
 */

type Attempt = { status: number; retryAfter: number | undefined; error: string | null };

/** One sign-in through next-auth's credentials endpoint, as its client sends it. */
async function signInAttempt(request: APIRequestContext, email: string, password: string): Promise<Attempt> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  const { url } = (await response.json()) as { url: string };
  const retryAfter = response.headers()["retry-after"];
  return { status: response.status(), retryAfter: retryAfter === undefined ? undefined : Number(retryAfter), error: new URL(url).searchParams.get("error") };
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

test("sign-in backs off per account: the wait grows, the login page shows it in English and Swedish, the right password is refused meanwhile", async ({ page, request }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("backoff");
  expect((await request.post("/api/auth/signup", { data: { name: "Brute Target", email, password: PASSWORD } })).status()).toBe(201);

  // Ten failures let through: five free, then each after the previous wait (1, 2, 4, 8, 16 s). Asked
  // again at once, the account is in a wait: 429 with Retry-After, and the waits grow.
  const waits: number[] = [];
  let failures = 0;
  while (failures < 10) {
    const attempt = await signInAttempt(request, email, `wrong-password-${failures}`);
    if (attempt.status === 429) {
      expect(attempt.error).toMatch(/^rate_limited:\d+$/);
      expect(attempt.retryAfter).toBe(Number(attempt.error!.split(":")[1]));
      waits.push(attempt.retryAfter!);
      await sleep(attempt.retryAfter!);
      continue;
    }
    expect(attempt, "a wrong password let through").toMatchObject({ status: 401, error: "CredentialsSignin" });
    failures += 1;
  }
  expect(waits.length).toBeGreaterThanOrEqual(4);
  expect(waits).toEqual([...waits].sort((a, b) => a - b));
  expect(waits.at(-1)).toBeGreaterThanOrEqual(14);

  // Now a 32 s wait runs. The right password is refused without being checked.
  const right = await signInAttempt(request, email, PASSWORD);
  expect(right.status).toBe(429);
  expect(right.retryAfter).toBeGreaterThan(20);
  expect((await (await request.get("/api/auth/session")).json())?.user).toBeUndefined();

  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/^Too many attempts\. Try again in \d+ seconds\.$/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Language").selectOption("sv");
  await expect(page.getByRole("heading", { name: "Logga in i Needscape" })).toBeVisible();
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Lösenord").fill(PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByText(/^För många försök\. Försök igen om \d+ sekunder\.$/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

// Two `next start` processes on one PostgreSQL database (the suite's PostgreSQL run gives its server),
// each with a per-address sign-up limit of 7 an hour: 30 sign-ups sent to both at once get 7 accounts.
const postgresUrl = process.env.E2E_DATABASE_URL;
for (const adminUrl of postgresUrl ? [postgresUrl] : []) {
  test("a per-address limit holds across two app processes on one PostgreSQL", async () => {
    test.setTimeout(180_000);
    const name = `needscape_e2e_limits_${randomBytes(4).toString("hex")}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const basePort = Number(process.env.E2E_PORT ?? 3100) + 5;
    const servers: ChildProcess[] = [];
    try {
      const env = { DATABASE_URL: url.toString(), NEXTAUTH_SECRET: "e2e-two-processes", RATE_LIMIT_SIGN_UP_PER_ADDRESS: "7/1h" };
      const migrated = spawnSync("node_modules/.bin/tsx", [path.resolve("scripts/migrate.ts")], { env: { ...process.env, ...env }, encoding: "utf8" });
      expect(migrated.status, migrated.stderr).toBe(0);
      const ports = [basePort, basePort + 1];
      for (const port of ports) servers.push(startNextServer({ port, env: { ...env, NEXTAUTH_URL: `http://localhost:${port}` }, exitWithServer: false, instances: 1 }));
      for (const port of ports) await expect.poll(async () => (await fetch(`http://localhost:${port}/login`).catch(() => undefined))?.status, { timeout: 90_000, intervals: [500] }).toBe(200);

      // A fresh connection per request, half to each process.
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const context = await playwrightRequest.newContext({ baseURL: `http://localhost:${ports[i % 2]}` });
          try {
            const response = await context.post("/api/auth/signup", { data: { name: `Flood ${i}`, email: uniqueEmail("flood"), password: PASSWORD } });
            return { status: response.status(), retryAfter: response.headers()["retry-after"], port: ports[i % 2] };
          } finally {
            await context.dispose();
          }
        }),
      );
      expect(outcomes.filter((o) => o.status === 201)).toHaveLength(7);
      const refused = outcomes.filter((o) => o.status !== 201);
      expect(refused.map((o) => o.status)).toEqual(Array(23).fill(429));
      for (const o of refused) expect(Number(o.retryAfter)).toBeGreaterThan(3500);
      // Both processes refused some: each saw the other's counts.
      expect(new Set(refused.map((o) => o.port)).size).toBe(2);
      const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
      const [row] = await sql<{ count: number }[]>`select count(*)::int as count from users`;
      await sql.end();
      expect(row!.count).toBe(7);
    } finally {
      for (const server of servers) server.kill("SIGTERM");
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
}
