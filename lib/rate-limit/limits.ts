import type { Database } from "@/db/client";
import { clearBackoff, countBackoffAttempt, countWindowAttempt, sweepRateLimits } from "@/db/queries/rate-limits";
import { rateLimitSetting, type RateLimitName } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatWait } from "./format-wait";
import { rateLimitKey } from "./keys";
import { backoffDecision, parseBackoffPolicy, parseWindowPolicy, windowDecision, type BackoffPolicy, type WindowPolicy } from "./policy";

/**
 * The limits the app applies, each one call at an entry point that throws AppError("rate_limited")
 * with the wait (route handlers answer 429 with Retry-After, forms show "Try again in …").
 * Settings: RATE_LIMIT_<NAME> in lib/env.ts. Scopes name the rows in rate_limits.
 */

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super("rate_limited", `Too many attempts. Try again in ${formatWait(retryAfterSeconds, "en")}.`, undefined, { retryAfterSeconds });
  }
}

const windowPolicies = new Map<string, WindowPolicy | undefined>();
const backoffPolicies = new Map<string, BackoffPolicy | undefined>();

function windowPolicy(name: RateLimitName): WindowPolicy | undefined {
  const text = rateLimitSetting(name);
  if (!windowPolicies.has(text)) windowPolicies.set(text, parseSetting(name, text, parseWindowPolicy));
  return windowPolicies.get(text);
}

function backoffPolicy(name: RateLimitName): BackoffPolicy | undefined {
  const text = rateLimitSetting(name);
  if (!backoffPolicies.has(text)) backoffPolicies.set(text, parseSetting(name, text, parseBackoffPolicy));
  return backoffPolicies.get(text);
}

function parseSetting<T>(name: RateLimitName, text: string, parse: (text: string) => T): T {
  try {
    return parse(text);
  } catch (error) {
    throw new Error(`RATE_LIMIT_${name}: ${(error as Error).message}`);
  }
}

// Rows untouched for a day are deleted now and then: at most every 10 minutes per process, by the
// attempt that finds the time has come (one indexed DELETE, so it is cheap even on the submit path).
const SWEEP_EVERY_MS = 10 * 60 * 1000;
let nextSweepAt = 0;

async function sweepNowAndThen(db: Database): Promise<void> {
  if (Date.now() < nextSweepAt) return;
  nextSweepAt = Date.now() + SWEEP_EVERY_MS;
  try {
    await sweepRateLimits(db);
  } catch (error) {
    console.error("Sweeping old rate-limit rows failed", error);
  }
}

/** Counts an attempt against a window limit on `subject` (hashed); throws RateLimitedError past it. */
export async function limitWindow(db: Database, params: { name: RateLimitName; scope: string; subject: string; now?: Date }): Promise<void> {
  const policy = windowPolicy(params.name);
  if (!policy) return;
  const now = params.now ?? new Date();
  const state = await countWindowAttempt(db, { scope: params.scope, key: rateLimitKey(params.subject), policy, now });
  await sweepNowAndThen(db);
  const decision = windowDecision(state, policy, now);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
}

export type BackoffGate = { succeeded: () => Promise<void> };

/**
 * Counts an attempt under a back-off on `subject` (hashed): refused while a wait runs; otherwise it goes
 * ahead counted as a failure, and `succeeded()` (call it when the secret was right) starts over.
 */
export async function limitBackoff(db: Database, params: { name: RateLimitName; scope: string; subject: string; now?: Date }): Promise<BackoffGate> {
  const policy = backoffPolicy(params.name);
  if (!policy) return { succeeded: async () => {} };
  const now = params.now ?? new Date();
  const key = rateLimitKey(params.subject);
  const state = await countBackoffAttempt(db, { scope: params.scope, key, policy, now });
  await sweepNowAndThen(db);
  const decision = backoffDecision(state, now);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
  return { succeeded: () => clearBackoff(db, { scope: params.scope, key, now: params.now ?? new Date() }) };
}

// ---- The app's limits ----

/**
 * Sign-in with e-mail and password: per client address (a window), then per account (a back-off;
 * while it waits even the right password is refused, unchecked). Call `succeeded()` after a match.
 */
export async function limitSignIn(db: Database, params: { email: string; address: string; now?: Date }): Promise<BackoffGate> {
  await limitWindow(db, { name: "SIGN_IN_PER_ADDRESS", scope: "sign-in:address", subject: params.address, now: params.now });
  return limitBackoff(db, { name: "SIGN_IN_PER_ACCOUNT", scope: "sign-in:account", subject: params.email.trim().toLowerCase(), now: params.now });
}

/** Creating an account, per client address. */
export async function limitSignUp(db: Database, params: { address: string; now?: Date }): Promise<void> {
  await limitWindow(db, { name: "SIGN_UP_PER_ADDRESS", scope: "sign-up:address", subject: params.address, now: params.now });
}

/** Accepting an invitation link, per signed-in user and per client address (tokens can only be guessed). */
export async function limitInvitationAccept(db: Database, params: { userId: string; address: string; now?: Date }): Promise<void> {
  await limitWindow(db, { name: "INVITATION_PER_ADDRESS", scope: "invitation:address", subject: params.address, now: params.now });
  await limitWindow(db, { name: "INVITATION_PER_USER", scope: "invitation:user", subject: params.userId, now: params.now });
}

/** A respondent's submission (survey page or public API), per client address: one statement on the hot path. */
export async function limitSubmit(db: Database, params: { address: string; now?: Date }): Promise<void> {
  await limitWindow(db, { name: "SUBMIT_PER_ADDRESS", scope: "submit:address", subject: params.address, now: params.now });
}

/** The respondent page's autosave and resume, and the public MaxDiff designs, per client address. */
export async function limitRespondent(db: Database, params: { address: string; now?: Date }): Promise<void> {
  await limitWindow(db, { name: "RESPONDENT_PER_ADDRESS", scope: "respondent:address", subject: params.address, now: params.now });
}

/** A password-reset request ("forgot password"), per client address and per e-mail asked for. */
export async function limitPasswordResetRequest(db: Database, params: { email: string; address: string; now?: Date }): Promise<void> {
  await limitWindow(db, { name: "PASSWORD_RESET_PER_ADDRESS", scope: "password-reset:address", subject: params.address, now: params.now });
  await limitWindow(db, { name: "PASSWORD_RESET_PER_EMAIL", scope: "password-reset:email", subject: params.email.trim().toLowerCase(), now: params.now });
}

/** Setting a new password through a reset link, per client address (the same budget as asking for links). */
export async function limitPasswordResetUse(db: Database, params: { address: string; now?: Date }): Promise<void> {
  await limitWindow(db, { name: "PASSWORD_RESET_PER_ADDRESS", scope: "password-reset:address", subject: params.address, now: params.now });
}

/**
 * A password typed for something other than an account (a share link's password, issue 14): per client
 * address (a window), then a back-off on what the password protects (`key`, e.g. the link's id; `scope`
 * names the kind, e.g. "share-link"). Call `succeeded()` when the password was right.
 */
export async function limitPasswordAttempt(db: Database, params: { scope: string; key: string; address: string; now?: Date }): Promise<BackoffGate> {
  await limitWindow(db, { name: "SHARE_PASSWORD_PER_ADDRESS", scope: `${params.scope}-password:address`, subject: params.address, now: params.now });
  return limitBackoff(db, { name: "SHARE_PASSWORD_PER_LINK", scope: `${params.scope}-password:key`, subject: params.key, now: params.now });
}
