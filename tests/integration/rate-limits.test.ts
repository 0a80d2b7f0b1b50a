import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { clearBackoff, countBackoffAttempt, countWindowAttempt, findRateLimit, sweepRateLimits } from "@/db/queries/rate-limits";
import { authorizeCredentials } from "@/lib/accounts/sign-in";
import { rateLimitKey } from "@/lib/rate-limit/keys";
import { limitPasswordAttempt, limitSignUp, limitSubmit, limitWindow } from "@/lib/rate-limit/limits";
import { nextBackoffState, nextWindowState, type BackoffPolicy, type BackoffState, type WindowPolicy, type WindowState } from "@/lib/rate-limit/policy";
import { TEST_PASSWORD, createUser, uniqueEmail } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

/**
 * Rate limits held in the database: the statements follow the policy's reference functions, a limit
 * holds when many attempts arrive at once (on PostgreSQL through two connection pools, standing in for
 * two app processes), and sign-in backs off per account, refusing even the right password while it waits.
 */

const t0 = new Date("2030-01-01T00:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const unique = (label: string) => `${label}-${Math.random().toString(36).slice(2)}`;

afterEach(() => vi.unstubAllEnvs());

/** A small seeded generator, so a failing sequence can be replayed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function signInError(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe.each(testDatabaseKinds())("rate limits on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("counts windows exactly as the policy says, over a random sequence of attempts", async () => {
    const policy: WindowPolicy = { kind: "window", limit: 4, windowSeconds: 10 };
    const random = seeded(11);
    const scope = unique("window");
    let expected: WindowState | undefined;
    let time = 0;
    for (let i = 0; i < 80; i++) {
      time += Math.floor(random() * 3000) / 1000;
      expected = nextWindowState(expected, policy, at(time));
      const actual = await countWindowAttempt(t.db, { scope, key: "k", policy, now: at(time) });
      expect(actual, `attempt ${i} at ${time}s`).toEqual(expected);
    }
  });

  it("counts back-offs exactly as the policy says, with successes clearing them", async () => {
    const policy: BackoffPolicy = { kind: "backoff", freeFailures: 3, firstWaitSeconds: 1, maxWaitSeconds: 8 };
    const random = seeded(7);
    const scope = unique("backoff");
    let expected: BackoffState | undefined;
    let time = 0;
    for (let i = 0; i < 120; i++) {
      time += Math.floor(random() * 4000) / 1000;
      if (random() < 0.05) {
        expected = { failures: 0, blockedUntil: null, refused: 0 };
        await clearBackoff(t.db, { scope, key: "k", now: at(time) });
        continue;
      }
      expected = nextBackoffState(expected, policy, at(time));
      const actual = await countBackoffAttempt(t.db, { scope, key: "k", policy, now: at(time) });
      expect(actual, `attempt ${i} at ${time}s`).toEqual(expected);
    }
  });

  it("admits no more than the limit when 50 attempts arrive at once", async () => {
    vi.stubEnv("RATE_LIMIT_SIGN_UP_PER_ADDRESS", "10/1h");
    const address = unique("203.0.113.1");
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => limitSignUp(t.db, { address, now: t0 })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => o.reason);
    expect(refused).toHaveLength(40);
    for (const error of refused) expect(error).toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 3600 });
    // Retry-After is what is left of the window.
    await expect(limitSignUp(t.db, { address, now: at(3600 - 125.5) })).rejects.toMatchObject({ retryAfterSeconds: 126 });
    await expect(limitSignUp(t.db, { address, now: at(3600) })).resolves.toBeUndefined();
  });

  it("lets only the free failures of a back-off through when 50 guesses arrive at once", async () => {
    const link = unique("link");
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => limitPasswordAttempt(t.db, { scope: "share-link", key: link, address: unique("addr"), now: t0 })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(5);
  });

  it("backs sign-in off per account: the wait grows, the right password is refused unchecked meanwhile, a success starts over", async () => {
    vi.stubEnv("RATE_LIMIT_SIGN_IN_PER_ADDRESS", "off");
    const email = uniqueEmail("backoff");
    const user = await createUser(t.db, { email });
    const attempt = (password: string, seconds: number) => authorizeCredentials(t.db, { email, password }, { headers: {}, now: at(seconds) });
    for (let i = 0; i < 5; i++) expect(await attempt("wrong-password-1", 0)).toBeUndefined();
    // Five failures: a 1 s wait, in which even the right password is refused.
    expect(await signInError(attempt(TEST_PASSWORD, 0.25))).toBe("rate_limited:1");
    expect(await findRateLimit(t.db, { scope: "sign-in:account", key: rateLimitKey(email) })).toMatchObject({ failures: 5, hits: 1 });
    expect(await attempt("wrong-password-2", 1)).toBeUndefined(); // sixth failure: 2 s
    expect(await signInError(attempt("wrong-password-3", 2))).toBe("rate_limited:1");
    expect(await attempt("wrong-password-4", 3)).toBeUndefined(); // seventh: 4 s, until 7
    expect(await signInError(attempt(TEST_PASSWORD, 4))).toBe("rate_limited:3");
    expect(await signInError(attempt(TEST_PASSWORD, 6.5))).toBe("rate_limited:1");
    expect(await attempt(TEST_PASSWORD, 7)).toMatchObject({ id: user.id });
    // The success cleared the back-off: five free failures again.
    for (let i = 0; i < 5; i++) expect(await attempt("wrong-password-5", 8)).toBeUndefined();
    expect(await signInError(attempt("wrong-password-6", 8))).toBe("rate_limited:1");
    // An unknown e-mail backs off the same way, so the limit tells nothing about which accounts exist.
    const stranger = uniqueEmail("nobody");
    for (let i = 0; i < 5; i++) expect(await authorizeCredentials(t.db, { email: stranger, password: "guess-12345" }, { now: t0 })).toBeUndefined();
    expect(await signInError(authorizeCredentials(t.db, { email: stranger, password: "guess-12345" }, { now: t0 }))).toBe("rate_limited:1");
  });

  it("limits sign-in per client address behind a trusted proxy, and keeps e-mails and addresses only hashed", async () => {
    vi.stubEnv("TRUST_PROXY", "1");
    vi.stubEnv("RATE_LIMIT_SIGN_IN_PER_ADDRESS", "3/5m");
    const email = uniqueEmail("address");
    await createUser(t.db, { email });
    const from = (address: string) => ({ "x-forwarded-for": `198.51.100.99, ${address}` });
    const attempt = (address: string, seconds: number) => authorizeCredentials(t.db, { email, password: TEST_PASSWORD }, { headers: from(address), now: at(seconds) });
    for (let i = 0; i < 3; i++) expect(await attempt("192.0.2.10", i)).toMatchObject({ email });
    expect(await signInError(attempt("192.0.2.10", 100))).toBe("rate_limited:200");
    expect(await attempt("192.0.2.11", 100)).toMatchObject({ email });
    expect(await attempt("192.0.2.10", 300)).toMatchObject({ email });
    const stored = await findRateLimit(t.db, { scope: "sign-in:address", key: rateLimitKey("192.0.2.10") });
    expect(stored).toMatchObject({ hits: 1 });
    expect(rateLimitKey("192.0.2.10")).not.toContain("192.0.2.10");
    expect(rateLimitKey(email)).not.toContain(email.split("@")[0]);
    expect(await findRateLimit(t.db, { scope: "sign-in:address", key: "192.0.2.10" })).toBeUndefined();
  });

  it("turns a limit off with 'off'", async () => {
    vi.stubEnv("RATE_LIMIT_SUBMIT_PER_ADDRESS", "off");
    const address = unique("off");
    for (let i = 0; i < 20; i++) await limitSubmit(t.db, { address, now: t0 });
    expect(await findRateLimit(t.db, { scope: "submit:address", key: rateLimitKey(address) })).toBeUndefined();
    vi.stubEnv("RATE_LIMIT_SUBMIT_PER_ADDRESS", "nonsense");
    await expect(limitSubmit(t.db, { address, now: t0 })).rejects.toThrow(/RATE_LIMIT_SUBMIT_PER_ADDRESS/);
  });

  it("sweeps rows untouched for a day once their wait is over", async () => {
    const scope = unique("sweep");
    const dayAgo = new Date(Date.now() - 25 * 3600 * 1000);
    const policy: WindowPolicy = { kind: "window", limit: 5, windowSeconds: 60 };
    await countWindowAttempt(t.db, { scope, key: "old", policy, now: dayAgo });
    await countWindowAttempt(t.db, { scope, key: "fresh", policy, now: new Date() });
    // Old, but still waiting (a longer wait than any setting allows, so only a test makes one).
    const long: BackoffPolicy = { kind: "backoff", freeFailures: 1, firstWaitSeconds: 2 * 86_400, maxWaitSeconds: 2 * 86_400 };
    await countBackoffAttempt(t.db, { scope, key: "waiting", policy: long, now: dayAgo });
    expect(await sweepRateLimits(t.db)).toBeGreaterThanOrEqual(1);
    expect(await findRateLimit(t.db, { scope, key: "old" })).toBeUndefined();
    expect(await findRateLimit(t.db, { scope, key: "fresh" })).toBeDefined();
    expect(await findRateLimit(t.db, { scope, key: "waiting" })).toBeDefined();
  });

  if (kind === "postgres") {
    /** A second connection pool to the same database: what another app process would hold. */
    async function secondProcess() {
      const driver = t.handle.driver;
      if (driver.kind !== "postgres") throw new Error("PostgreSQL only");
      const [row] = await driver.client`select current_database() as name`;
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${row!.name}`;
      return openDatabase({ kind: "postgres", url: url.toString() });
    }

    it("holds a window limit across two connection pools (two app processes)", async () => {
      vi.stubEnv("RATE_LIMIT_SUBMIT_PER_ADDRESS", "17/10m");
      const other = await secondProcess();
      try {
        const address = unique("shared-nat");
        for (let round = 0; round < 3; round++) {
          const now = at(round * 600);
          const outcomes = await Promise.allSettled(
            Array.from({ length: 50 }, (_, i) => limitSubmit(i % 2 === 0 ? t.db : other.db, { address, now })),
          );
          expect(outcomes.filter((o) => o.status === "fulfilled"), `round ${round}`).toHaveLength(17);
        }
      } finally {
        await other.close();
      }
    });

    it("holds a back-off across two connection pools", async () => {
      vi.stubEnv("RATE_LIMIT_SIGN_IN_PER_ADDRESS", "off");
      const other = await secondProcess();
      try {
        const email = uniqueEmail("two-pools");
        await createUser(t.db, { email });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, (_, i) => authorizeCredentials(i % 2 === 0 ? t.db : other.db, { email, password: `wrong-password-${i}` }, { now: t0 })),
        );
        expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(5);
        expect(outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason.message)).toEqual(Array(45).fill("rate_limited:1"));
      } finally {
        await other.close();
      }
    });
  }

  it("names limits by scope so one subject's counts never mix", async () => {
    vi.stubEnv("RATE_LIMIT_SIGN_UP_PER_ADDRESS", "1/1h");
    vi.stubEnv("RATE_LIMIT_SUBMIT_PER_ADDRESS", "1/1h");
    const address = unique("scopes");
    await limitWindow(t.db, { name: "SIGN_UP_PER_ADDRESS", scope: "sign-up:address", subject: address, now: t0 });
    await limitWindow(t.db, { name: "SUBMIT_PER_ADDRESS", scope: "submit:address", subject: address, now: t0 });
    await expect(limitSubmit(t.db, { address, now: t0 })).rejects.toMatchObject({ code: "rate_limited" });
  });
});
