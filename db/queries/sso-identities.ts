import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { ssoIdentities, users } from "../schema";
import type { PublicUser } from "./users";

const publicUserColumns = { id: users.id, email: users.email, name: users.name, createdAt: users.createdAt };

export type SsoIdentityKey = { provider: string; subject: string };

export async function findSsoIdentity(db: Database, params: SsoIdentityKey) {
  const [row] = await db
    .select({ userId: ssoIdentities.userId, email: ssoIdentities.email })
    .from(ssoIdentities)
    .where(and(eq(ssoIdentities.provider, params.provider), eq(ssoIdentities.subject, params.subject)));
  return row;
}

/** The user an e-mail belongs to, and whether that account has a password (never the hash itself). */
export async function findUserForSsoEmail(db: Database, params: { email: string }) {
  const [row] = await db
    .select({ id: users.id, hasPassword: sql<boolean>`${users.passwordHash} is not null`.mapWith(Boolean) })
    .from(users)
    .where(eq(users.email, params.email));
  return row;
}

/** Links an identity to a user; false when the pair is linked already (to anyone). */
export async function insertSsoIdentity(
  db: Database,
  params: SsoIdentityKey & { userId: string; email: string | null; emailVerified: boolean; now: Date },
): Promise<boolean> {
  const rows = await db
    .insert(ssoIdentities)
    .values({ ...params, createdAt: params.now, lastSignInAt: params.now })
    .onConflictDoNothing()
    .returning({ userId: ssoIdentities.userId });
  return rows.length > 0;
}

/** Records a sign-in through a known identity, with the e-mail the provider sends today. */
export async function recordSsoSignIn(db: Database, params: SsoIdentityKey & { email: string | null; emailVerified: boolean; now: Date }) {
  await db
    .update(ssoIdentities)
    .set({ email: params.email, emailVerified: params.emailVerified, lastSignInAt: params.now })
    .where(and(eq(ssoIdentities.provider, params.provider), eq(ssoIdentities.subject, params.subject)));
}

/** A new SSO-only user (no password); undefined when the e-mail was taken meanwhile. */
export async function insertSsoUser(db: Database, params: { email: string; name: string }): Promise<PublicUser | undefined> {
  const [row] = await db
    .insert(users)
    .values({ email: params.email, name: params.name, passwordHash: null })
    .onConflictDoNothing({ target: users.email })
    .returning(publicUserColumns);
  return row;
}

/** The account page's list of linked identities. */
export async function listSsoIdentities(db: Database, params: { userId: string }) {
  return db
    .select({
      provider: ssoIdentities.provider,
      email: ssoIdentities.email,
      createdAt: ssoIdentities.createdAt,
      lastSignInAt: ssoIdentities.lastSignInAt,
    })
    .from(ssoIdentities)
    .where(eq(ssoIdentities.userId, params.userId))
    .orderBy(asc(ssoIdentities.createdAt));
}
