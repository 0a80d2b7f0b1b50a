/**
 * Rate-limit policies as pure functions. Two kinds:
 * - a window: at most `limit` attempts per fixed window of `windowSeconds` (per client address);
 * - a back-off: `freeFailures` consecutive failures pass, then each further attempt waits
 *   `firstWaitSeconds`, doubling up to `maxWaitSeconds`; a success starts over (per account).
 * The state lives in the `rate_limits` table and changes in one SQL statement per attempt
 * (db/queries/rate-limits.ts); the functions here are the reference the statement follows.
 */

export type WindowPolicy = { kind: "window"; limit: number; windowSeconds: number };
export type BackoffPolicy = { kind: "backoff"; freeFailures: number; firstWaitSeconds: number; maxWaitSeconds: number };
export type RatePolicy = WindowPolicy | BackoffPolicy;

/** No window or wait may pass a day: rows untouched for a day are swept (see sweepRateLimits). */
export const MAX_PERIOD_SECONDS = 24 * 3600;

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "90s", "5m", "1h", "1d" (a bare number is seconds) → seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([smhd]?)$/i.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration (use e.g. 30s, 5m, 1h).`);
  const seconds = Number(match[1]) * UNITS[(match[2] || "s").toLowerCase()]!;
  if (!(seconds > 0) || seconds > MAX_PERIOD_SECONDS) throw new Error(`"${text}" must be more than 0 and at most 1d.`);
  return seconds;
}

function wholeNumber(text: string, what: string): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 1 || value > 1_000_000_000) throw new Error(`${what} must be a whole number from 1, not "${text}".`);
  return value;
}

/** "30/5m": 30 attempts per 5 minutes. "off" turns the limit off: undefined. */
export function parseWindowPolicy(text: string): WindowPolicy | undefined {
  if (/^off$/i.test(text.trim())) return undefined;
  const parts = text.split("/");
  if (parts.length !== 2) throw new Error(`"${text}" is not a limit: use attempts/period, e.g. 30/5m, or off.`);
  return { kind: "window", limit: wholeNumber(parts[0]!, "The number of attempts"), windowSeconds: parseDuration(parts[1]!) };
}

/** "5/1s/15m": five failures pass, then wait 1 s, doubling up to 15 min. "off" turns it off. */
export function parseBackoffPolicy(text: string): BackoffPolicy | undefined {
  if (/^off$/i.test(text.trim())) return undefined;
  const parts = text.split("/");
  if (parts.length !== 3) throw new Error(`"${text}" is not a back-off: use failures/first wait/longest wait, e.g. 5/1s/15m, or off.`);
  const firstWaitSeconds = parseDuration(parts[1]!);
  const maxWaitSeconds = parseDuration(parts[2]!);
  if (maxWaitSeconds < firstWaitSeconds) throw new Error(`"${text}": the longest wait is shorter than the first.`);
  return { kind: "backoff", freeFailures: wholeNumber(parts[0]!, "The number of free failures"), firstWaitSeconds, maxWaitSeconds };
}

/** Seconds to wait after the `failures`-th consecutive failure (0 while failures are still free). */
export function backoffWaitSeconds(policy: BackoffPolicy, failures: number): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 60);
  return Math.min(policy.firstWaitSeconds * 2 ** doublings, policy.maxWaitSeconds);
}

/** A Retry-After value: whole seconds, rounded up, at least 1. */
export function retryAfterSeconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

export type Decision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// ---- Window ----

export type WindowState = { windowStartedAt: Date; hits: number };

/**
 * The state after one more attempt: a window that has run out starts again at `now`; within a
 * window every attempt counts, refused ones too, capped at limit + 1 (enough to refuse, never overflowing).
 */
export function nextWindowState(state: WindowState | undefined, policy: WindowPolicy, now: Date): WindowState {
  if (!state || state.windowStartedAt.getTime() <= now.getTime() - policy.windowSeconds * 1000) return { windowStartedAt: now, hits: 1 };
  return { windowStartedAt: state.windowStartedAt, hits: Math.min(state.hits + 1, policy.limit + 1) };
}

/** Whether the attempt that produced `state` may go ahead, and if not, how long until the window ends. */
export function windowDecision(state: WindowState, policy: WindowPolicy, now: Date): Decision {
  if (state.hits <= policy.limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: retryAfterSeconds(new Date(state.windowStartedAt.getTime() + policy.windowSeconds * 1000), now) };
}

// ---- Back-off ----

/**
 * `failures`: consecutive attempts not (yet) known to have succeeded; `blockedUntil`: no attempt before
 * then; `refused`: attempts refused since the last one let through (0 means this attempt went ahead).
 */
export type BackoffState = { failures: number; blockedUntil: Date | null; refused: number };

/**
 * The state after one more attempt. While blocked, the attempt is refused and changes nothing but the
 * refused count (so hammering does not lengthen the wait). Otherwise it goes ahead and counts as a
 * failure at once, before the password is checked: parallel attempts cannot all slip through before
 * the first failure is recorded. A success then clears the state (clearBackoff).
 */
export function nextBackoffState(state: BackoffState | undefined, policy: BackoffPolicy, now: Date): BackoffState {
  if (state?.blockedUntil && state.blockedUntil.getTime() > now.getTime()) {
    return { failures: state.failures, blockedUntil: state.blockedUntil, refused: state.refused + 1 };
  }
  const failures = (state?.failures ?? 0) + 1;
  const wait = backoffWaitSeconds(policy, failures);
  return { failures, blockedUntil: wait > 0 ? new Date(now.getTime() + wait * 1000) : null, refused: 0 };
}

export function backoffDecision(state: BackoffState, now: Date): Decision {
  if (state.refused === 0 || !state.blockedUntil) return { allowed: true };
  return { allowed: false, retryAfterSeconds: retryAfterSeconds(state.blockedUntil, now) };
}
