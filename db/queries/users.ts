import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { users } from "../schema";

const publicUserColumns = { id: users.id, email: users.email, name: users.name, createdAt: users.createdAt };
export type PublicUser = { id: string; email: string; name: string; createdAt: Date };

export async function findUserById(db: Database, params: { userId: string }): Promise<PublicUser | undefined> {
  const [row] = await db.select(publicUserColumns).from(users).where(eq(users.id, params.userId));
  return row;
}

/** The only query that returns a password hash; used by sign-in alone. */
export async function findUserCredentials(db: Database, params: { email: string }) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, params.email));
  return row;
}

/** Inserts a user; returns undefined when the e-mail is already taken. */
export async function insertUser(
  db: Database,
  params: { email: string; name: string; passwordHash: string | null },
): Promise<PublicUser | undefined> {
  const [row] = await db.insert(users).values(params).onConflictDoNothing({ target: users.email }).returning(publicUserColumns);
  return row;
}

/** The stored hash of one user, for checking the current password before a change; never leaves the server. */
export async function findPasswordHash(db: Database, params: { userId: string }): Promise<string | null | undefined> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, params.userId));
  return row?.passwordHash;
}

export async function setUserPassword(db: Database, params: { userId: string; passwordHash: string; now: Date }) {
  await db.update(users).set({ passwordHash: params.passwordHash, passwordChangedAt: params.now }).where(eq(users.id, params.userId));
}

export async function updateUserName(db: Database, params: { userId: string; name: string }) {
  await db.update(users).set({ name: params.name }).where(eq(users.id, params.userId));
}

/** For the password-reset request: the account an e-mail belongs to, if any. */
export async function findUserByEmail(db: Database, params: { email: string }): Promise<PublicUser | undefined> {
  const [row] = await db.select(publicUserColumns).from(users).where(eq(users.email, params.email));
  return row;
}
