import type { Database } from "@/db/client";
import { listSsoIdentities } from "@/db/queries/sso-identities";
import { listActiveUserSessions, revokeUserSession, revokeUserSessions } from "@/db/queries/user-sessions";
import { findPasswordHash, setUserPassword, updateUserName } from "@/db/queries/users";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/passwords";
import { ZChangePasswordInput, ZUpdateNameInput } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";

/** What the account page acts for: the signed-in user and the session this request came with. */
export type AccountActor = { userId: string; sessionId: string };

/**
 * Changes the password after checking the current one; every other session of the user ends,
 * the one that made the change stays signed in. Returns how many sessions ended.
 */
export async function changePassword(db: Database, actor: AccountActor, rawInput: unknown, options: { now?: Date } = {}): Promise<{ endedSessions: number }> {
  const input = ZChangePasswordInput.parse(rawInput);
  const now = options.now ?? new Date();
  const stored = await findPasswordHash(db, { userId: actor.userId });
  const matches = stored ? await verifyPassword(input.currentPassword, stored) : await verifyAgainstDummy(input.currentPassword);
  if (!matches) {
    throw new AppError("invalid", "The current password is not right.", { currentPassword: ["The current password is not right"] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await setUserPassword(tx, { userId: actor.userId, passwordHash, now });
    return { endedSessions: await revokeUserSessions(tx, { userId: actor.userId, exceptSessionId: actor.sessionId, now }) };
  });
}

/** "Sign out everywhere": every session of the user ends, this one included. */
export async function signOutEverywhere(db: Database, actor: AccountActor, options: { now?: Date } = {}): Promise<{ endedSessions: number }> {
  return { endedSessions: await revokeUserSessions(db, { userId: actor.userId, now: options.now ?? new Date() }) };
}

/** Ends one of the user's own sessions (another browser or device) from the session list. */
export async function endOwnSession(db: Database, actor: AccountActor, params: { sessionId: string; now?: Date }): Promise<void> {
  if (!(await revokeUserSession(db, { sessionId: params.sessionId, userId: actor.userId, now: params.now ?? new Date() }))) {
    throw new AppError("not_found", "That session has already ended.");
  }
}

export async function renameUser(db: Database, actor: AccountActor, rawInput: unknown): Promise<{ name: string }> {
  const { name } = ZUpdateNameInput.parse(rawInput);
  await updateUserName(db, { userId: actor.userId, name });
  return { name };
}

/** What the account page shows: whether a password is set, the active sessions and the linked SSO identities. */
export async function accountOverview(db: Database, params: { userId: string; now?: Date }) {
  const now = params.now ?? new Date();
  const [passwordHash, sessions, identities] = await Promise.all([
    findPasswordHash(db, { userId: params.userId }),
    listActiveUserSessions(db, { userId: params.userId, now }),
    listSsoIdentities(db, { userId: params.userId }),
  ]);
  return { hasPassword: Boolean(passwordHash), sessions, identities };
}
