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

/** For OAuth sign-in: the user with this e-mail, created on first sign-in. */
export async function upsertOAuthUser(db: Database, params: { email: string; name: string }): Promise<PublicUser> {
  await db.insert(users).values({ ...params, passwordHash: null }).onConflictDoNothing({ target: users.email });
  const [row] = await db.select(publicUserColumns).from(users).where(eq(users.email, params.email));
  return row!;
}
