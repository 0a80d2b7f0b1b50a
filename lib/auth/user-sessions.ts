import type { Database } from "@/db/client";
import {
  findActiveSessionUser,
  insertUserSession,
  revokeUserSession,
  touchUserSession,
  type SessionUser,
} from "@/db/queries/user-sessions";
import { sessionIdleMs, sessionMaxMs } from "@/lib/env";

/**
 * Sessions are rows in user_sessions; the JWT cookie carries only the row's id (`sid`) and the user id.
 * Every request reads the user joined with an active row, so revoking the row ends the session everywhere.
 */

/** How often a session's last-seen time and idle expiry are written: at most once a minute, not per request. */
export const TOUCH_INTERVAL_MS = 60_000;

export type SessionLifetimes = { idleMs: number; maxMs: number };

export function configuredLifetimes(): SessionLifetimes {
  return { idleMs: sessionIdleMs(), maxMs: sessionMaxMs() };
}

export function sessionExpiries(now: Date, lifetimes: SessionLifetimes) {
  const absoluteExpiresAt = new Date(now.getTime() + lifetimes.maxMs);
  const idleExpiresAt = new Date(Math.min(now.getTime() + lifetimes.idleMs, absoluteExpiresAt.getTime()));
  return { idleExpiresAt, absoluteExpiresAt };
}

export function isDueForTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The session claims of a decoded JWT, or undefined for a token from before sessions were rows (no `sid`). */
export function sessionClaims(token: unknown): { sessionId: string; userId: string } | undefined {
  if (!token || typeof token !== "object") return undefined;
  const { sid, userId } = token as { sid?: unknown; userId?: unknown };
  if (typeof sid !== "string" || typeof userId !== "string" || !UUID.test(sid) || !UUID.test(userId)) return undefined;
  return { sessionId: sid, userId };
}

export async function startUserSession(
  db: Database,
  params: { userId: string; method: string; userAgent?: string | null; now?: Date; lifetimes?: SessionLifetimes },
): Promise<{ id: string }> {
  const now = params.now ?? new Date();
  return insertUserSession(db, {
    userId: params.userId,
    method: params.method.slice(0, 40),
    userAgent: params.userAgent ? params.userAgent.slice(0, 400) : null,
    now,
    ...sessionExpiries(now, params.lifetimes ?? configuredLifetimes()),
  });
}

/** The user of an active session, sliding its idle expiry forward when it is due. */
export async function resolveSessionUser(
  db: Database,
  params: { sessionId: string; userId: string; now?: Date; lifetimes?: SessionLifetimes },
): Promise<SessionUser | undefined> {
  const now = params.now ?? new Date();
  const row = await findActiveSessionUser(db, { sessionId: params.sessionId, userId: params.userId, now });
  if (!row) return undefined;
  if (isDueForTouch(row.lastSeenAt, now)) {
    const { idleMs } = params.lifetimes ?? configuredLifetimes();
    await touchUserSession(db, { sessionId: row.sessionId, now, idleMs, seenBefore: new Date(now.getTime() - TOUCH_INTERVAL_MS + 1) });
  }
  return { id: row.id, email: row.email, name: row.name, createdAt: row.createdAt, sessionId: row.sessionId };
}

/** Sign-out: the session's row is revoked, so its cookie is worthless even if a copy survives. */
export async function endUserSession(db: Database, params: { sessionId: string; now?: Date }): Promise<boolean> {
  return revokeUserSession(db, { sessionId: params.sessionId, now: params.now ?? new Date() });
}
