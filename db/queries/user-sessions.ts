import { and, desc, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import type { Database } from "../client";
import { userSessions, users } from "../schema";
import type { PublicUser } from "./users";

/** The signed-in user of a request together with the session row that lets them in. */
export type SessionUser = PublicUser & { sessionId: string };

export async function insertUserSession(
  db: Database,
  params: { userId: string; method: string; userAgent: string | null; now: Date; idleExpiresAt: Date; absoluteExpiresAt: Date },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(userSessions)
    .values({
      userId: params.userId,
      method: params.method,
      userAgent: params.userAgent,
      createdAt: params.now,
      lastSeenAt: params.now,
      idleExpiresAt: params.idleExpiresAt,
      absoluteExpiresAt: params.absoluteExpiresAt,
    })
    .returning({ id: userSessions.id });
  return row!;
}

const isActive = (now: Date) =>
  and(isNull(userSessions.revokedAt), gt(userSessions.idleExpiresAt, now), gt(userSessions.absoluteExpiresAt, now));

/**
 * The user of a session, only while the session is active (not revoked, neither expiry passed):
 * one query per request, so a revoked or expired session stops working on every app instance at once.
 */
export async function findActiveSessionUser(db: Database, params: { sessionId: string; userId: string; now: Date }) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      createdAt: users.createdAt,
      sessionId: userSessions.id,
      lastSeenAt: userSessions.lastSeenAt,
      absoluteExpiresAt: userSessions.absoluteExpiresAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, params.sessionId), eq(userSessions.userId, params.userId), isActive(params.now)));
  return row;
}

/**
 * Slides the idle expiry forward (never past the absolute one). Skipped in SQL when the session was
 * seen after `seenBefore`, so concurrent requests and instances write at most once per interval.
 */
export async function touchUserSession(db: Database, params: { sessionId: string; now: Date; idleMs: number; seenBefore: Date }) {
  await db
    .update(userSessions)
    .set({
      lastSeenAt: params.now,
      idleExpiresAt: sql`least(${userSessions.absoluteExpiresAt}, ${new Date(params.now.getTime() + params.idleMs).toISOString()}::timestamptz)`,
    })
    .where(and(eq(userSessions.id, params.sessionId), lt(userSessions.lastSeenAt, params.seenBefore), isActive(params.now)));
}

/** Ends one session; with userId, only if it is that user's (the account page's per-session sign-out). */
export async function revokeUserSession(db: Database, params: { sessionId: string; userId?: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: params.now })
    .where(and(eq(userSessions.id, params.sessionId), params.userId ? eq(userSessions.userId, params.userId) : undefined, isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

/** Ends every session of a user, except `exceptSessionId` when given; returns how many ended. */
export async function revokeUserSessions(db: Database, params: { userId: string; exceptSessionId?: string; now: Date }): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: params.now })
    .where(
      and(
        eq(userSessions.userId, params.userId),
        isNull(userSessions.revokedAt),
        params.exceptSessionId ? ne(userSessions.id, params.exceptSessionId) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}

/** The account page's list: the user's active sessions, most recently seen first. */
export async function listActiveUserSessions(db: Database, params: { userId: string; now: Date }) {
  return db
    .select({
      id: userSessions.id,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      method: userSessions.method,
      userAgent: userSessions.userAgent,
    })
    .from(userSessions)
    .where(and(eq(userSessions.userId, params.userId), isActive(params.now)))
    .orderBy(desc(userSessions.lastSeenAt), desc(userSessions.createdAt));
}
