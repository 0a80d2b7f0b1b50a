import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { BackoffPolicy, BackoffState, WindowPolicy, WindowState } from "@/lib/rate-limit/policy";

/**
 * Rate-limit state (table rate_limits), outside any workspace: keys are client addresses, accounts and
 * links, hashed by the caller. Each attempt is one INSERT … ON CONFLICT DO UPDATE … RETURNING: the row
 * lock it takes serialises attempts on one key across every connection and app process, and the new
 * state it returns decides the attempt (lib/rate-limit/policy.ts is the reference it follows).
 *
 * The statements commit without waiting for the WAL flush (set_config('synchronous_commit', 'off', true)
 * holds for that statement's own transaction only). A row lock is held until commit, so one hot key
 * (a whole school behind one address) would otherwise admit one attempt per disk flush; losing the
 * last fraction of a second of counts in a database crash is harmless. Never call these inside a
 * transaction: the setting would cover the caller's whole transaction.
 */

// Parameters go as text with casts so both drivers (postgres.js, PGlite) bind them the same way.
const ASYNC_COMMIT = sql`(select set_config('synchronous_commit', 'off', true)) as async_commit`;

const epochMs = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);
const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
const toDate = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)));

/**
 * Counts one attempt in a fixed window: a window that has run out starts again now; within it every
 * attempt counts, capped at limit + 1. updated_at moves only when a window starts, so the hot row's
 * many updates leave its indexed columns alone (PostgreSQL can then update it in place).
 */
export async function countWindowAttempt(
  db: Database,
  params: { scope: string; key: string; policy: WindowPolicy; now: Date },
): Promise<WindowState> {
  const now = params.now.toISOString();
  const expired = new Date(params.now.getTime() - params.policy.windowSeconds * 1000).toISOString();
  const result = await db.execute(sql`
    insert into rate_limits as r (scope, key, window_started_at, hits, failures, blocked_until, updated_at)
    select ${params.scope}, ${params.key}, ${now}::timestamptz, 1, 0, null, ${now}::timestamptz from ${ASYNC_COMMIT}
    on conflict (scope, key) do update set
      window_started_at = case when r.window_started_at <= ${expired}::timestamptz then ${now}::timestamptz else r.window_started_at end,
      hits = case when r.window_started_at <= ${expired}::timestamptz then 1 else least(r.hits + 1, ${params.policy.limit + 1}::int) end,
      updated_at = case when r.window_started_at <= ${expired}::timestamptz then ${now}::timestamptz else r.updated_at end
    returning ${epochMs("window_started_at")} as window_started_ms, hits`);
  const row = rowsOf<{ window_started_ms: number; hits: number }>(result)[0]!;
  return { windowStartedAt: toDate(row.window_started_ms)!, hits: Number(row.hits) };
}

/**
 * Counts one attempt under a back-off. Blocked: refused, only the refused count grows. Not blocked:
 * goes ahead and counts as a failure straight away, starting a wait once the free failures are used;
 * clearBackoff undoes it on success. `hits` holds the refused count (0: this attempt went ahead).
 */
export async function countBackoffAttempt(
  db: Database,
  params: { scope: string; key: string; policy: BackoffPolicy; now: Date },
): Promise<BackoffState> {
  const { policy } = params;
  const now = params.now.toISOString();
  const firstWait = policy.freeFailures <= 1 ? policy.firstWaitSeconds : 0;
  // The wait after the n-th failure: min(first · 2^(n − free), longest), none before the free ones are used.
  const failures = sql`least(r.failures + 1, 1000000000)`;
  const wait = sql`least(${policy.firstWaitSeconds}::float8 * power(2::float8, least(${failures} - ${policy.freeFailures}::int, 60)), ${policy.maxWaitSeconds}::float8)`;
  const blocked = sql`r.blocked_until > ${now}::timestamptz`;
  const result = await db.execute(sql`
    insert into rate_limits as r (scope, key, window_started_at, hits, failures, blocked_until, updated_at)
    select ${params.scope}, ${params.key}, ${now}::timestamptz, 0, 1,
      case when ${firstWait}::float8 > 0 then ${now}::timestamptz + ${firstWait}::float8 * interval '1 second' end, ${now}::timestamptz
    from ${ASYNC_COMMIT}
    on conflict (scope, key) do update set
      hits = case when ${blocked} then least(r.hits + 1, 1000000000) else 0 end,
      failures = case when ${blocked} then r.failures else ${failures} end,
      blocked_until = case
        when ${blocked} then r.blocked_until
        when ${failures} >= ${policy.freeFailures}::int then ${now}::timestamptz + ${wait} * interval '1 second'
      end,
      updated_at = case when ${blocked} then r.updated_at else ${now}::timestamptz end
    returning hits, failures, ${epochMs("blocked_until")} as blocked_until_ms`);
  const row = rowsOf<{ hits: number; failures: number; blocked_until_ms: number | null }>(result)[0]!;
  return { refused: Number(row.hits), failures: Number(row.failures), blockedUntil: toDate(row.blocked_until_ms) };
}

/** A success: the back-off starts over. */
export async function clearBackoff(db: Database, params: { scope: string; key: string; now: Date }): Promise<void> {
  await db.execute(sql`
    update rate_limits set failures = 0, hits = 0, blocked_until = null, updated_at = ${params.now.toISOString()}::timestamptz
    where scope = ${params.scope} and key = ${params.key} and (failures <> 0 or hits <> 0 or blocked_until is not null)`);
}

/** Forgets rows untouched for a day whose wait (if any) is over; returns how many went. */
export async function sweepRateLimits(db: Database, params: { olderThanSeconds?: number } = {}): Promise<number> {
  const seconds = params.olderThanSeconds ?? 24 * 3600;
  const result = await db.execute(sql`
    with gone as (
      delete from rate_limits
      where updated_at < now() - ${seconds}::float8 * interval '1 second' and (blocked_until is null or blocked_until < now())
      returning 1
    )
    select count(*)::int as count from gone`);
  return Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0);
}

/** One key's raw state (tests and diagnostics). */
export async function findRateLimit(db: Database, params: { scope: string; key: string }) {
  const result = await db.execute(sql`
    select hits, failures, ${epochMs("window_started_at")} as window_started_ms, ${epochMs("blocked_until")} as blocked_until_ms,
      ${epochMs("updated_at")} as updated_ms
    from rate_limits where scope = ${params.scope} and key = ${params.key}`);
  const row = rowsOf<{ hits: number; failures: number; window_started_ms: number; blocked_until_ms: number | null; updated_ms: number }>(result)[0];
  if (!row) return undefined;
  return {
    hits: Number(row.hits),
    failures: Number(row.failures),
    windowStartedAt: toDate(row.window_started_ms)!,
    blockedUntil: toDate(row.blocked_until_ms),
    updatedAt: toDate(row.updated_ms)!,
  };
}
