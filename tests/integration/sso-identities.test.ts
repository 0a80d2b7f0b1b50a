import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findSsoIdentity, insertSsoUser, listSsoIdentities } from "@/db/queries/sso-identities";
import { ssoIdentities, users } from "@/db/schema";
import { signInWithSso } from "@/lib/auth/sso-sign-in";
import { createUser, uniqueEmail } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

/** SSO sign-in links identities by provider and subject; e-mail matches only when verified, never onto a password account. */
describe.each(testDatabaseKinds())("SSO identities on %s", (kind) => {
  const t = useTestDatabase(kind);
  let subjects = 0;
  const subject = () => `sub-${kind}-${++subjects}-${Date.now()}`;
  const usersWithEmail = async (email: string) => t.db.select({ id: users.id }).from(users).where(eq(users.email, email));

  it("refuses an e-mail the provider did not verify: no account is created or attached", async () => {
    const fresh = uniqueEmail("unverified");
    const sub = subject();
    expect(await signInWithSso(t.db, { provider: "oidc", subject: sub, email: fresh, emailVerified: false, name: "Eve" })).toEqual({ ok: false, reason: "sso_unverified_email" });
    expect(await usersWithEmail(fresh)).toEqual([]);

    const ssoOnly = await insertSsoUser(t.db, { email: uniqueEmail("sso-only"), name: "Sso Only" });
    expect(await signInWithSso(t.db, { provider: "oidc", subject: subject(), email: ssoOnly!.email, emailVerified: false })).toMatchObject({ ok: false, reason: "sso_unverified_email" });
    expect(await listSsoIdentities(t.db, { userId: ssoOnly!.id })).toEqual([]);
    expect(await findSsoIdentity(t.db, { provider: "oidc", subject: sub })).toBeUndefined();
  });

  it("creates a user for a verified new e-mail, and links a verified e-mail to an SSO-only account", async () => {
    const email = uniqueEmail("new");
    const created = await signInWithSso(t.db, { provider: "google", subject: subject(), email: email.toUpperCase(), emailVerified: true, name: "Aino" });
    expect(created).toMatchObject({ ok: true, outcome: "created" });
    const [user] = await t.db.select({ id: users.id, name: users.name, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email));
    expect(user).toEqual({ id: (created as { userId: string }).userId, name: "Aino", passwordHash: null });

    // The same person through a second provider that also verified the address: linked, not duplicated.
    const linked = await signInWithSso(t.db, { provider: "oidc", subject: subject(), email, emailVerified: true });
    expect(linked).toEqual({ ok: true, userId: user!.id, outcome: "linked" });
    expect((await listSsoIdentities(t.db, { userId: user!.id })).map((identity) => identity.provider)).toEqual(["google", "oidc"]);
  });

  it("never attaches SSO to an account that has a password, even with a verified e-mail", async () => {
    const owner = await createUser(t.db);
    const result = await signInWithSso(t.db, { provider: "oidc", subject: subject(), email: owner.email, emailVerified: true, name: "Mallory" });
    expect(result).toEqual({ ok: false, reason: "sso_password_account" });
    expect(await listSsoIdentities(t.db, { userId: owner.id })).toEqual([]);
    expect(await usersWithEmail(owner.email)).toHaveLength(1);
  });

  it("signs a known subject in as its user even after the e-mail changed at the provider", async () => {
    const sub = subject();
    const email = uniqueEmail("before");
    const first = await signInWithSso(t.db, { provider: "oidc", subject: sub, email, emailVerified: true });
    expect(first).toMatchObject({ ok: true, outcome: "created" });
    const userId = (first as { userId: string }).userId;

    // The provider now sends another address, unverified, and one that a password account owns: the subject still wins.
    const someoneElse = await createUser(t.db);
    for (const changed of [uniqueEmail("after"), someoneElse.email]) {
      expect(await signInWithSso(t.db, { provider: "oidc", subject: sub, email: changed, emailVerified: false })).toEqual({ ok: true, userId, outcome: "known" });
    }
    expect(await findSsoIdentity(t.db, { provider: "oidc", subject: sub })).toEqual({ userId, email: someoneElse.email });
    expect(await listSsoIdentities(t.db, { userId: someoneElse.id })).toEqual([]);
    // The subject is per provider: the same value from another provider is another identity.
    expect(await signInWithSso(t.db, { provider: "google", subject: sub, email: someoneElse.email, emailVerified: true })).toEqual({ ok: false, reason: "sso_password_account" });
  });

  it("links an identity to a signed-in password user from the account page, and refuses one linked to someone else", async () => {
    const owner = await createUser(t.db);
    const sub = subject();
    // Linking needs no e-mail match: the user is signed in and has just authenticated at the provider.
    expect(await signInWithSso(t.db, { provider: "oidc", subject: sub, email: uniqueEmail("work"), emailVerified: false, linkingUserId: owner.id })).toEqual({
      ok: true,
      userId: owner.id,
      outcome: "linked",
    });
    expect(await signInWithSso(t.db, { provider: "oidc", subject: sub, email: owner.email, emailVerified: true })).toEqual({ ok: true, userId: owner.id, outcome: "known" });

    const other = await createUser(t.db);
    expect(await signInWithSso(t.db, { provider: "oidc", subject: sub, emailVerified: true, linkingUserId: other.id })).toEqual({ ok: false, reason: "sso_linked_elsewhere" });
    const owners = await t.db.select({ userId: ssoIdentities.userId }).from(ssoIdentities).where(eq(ssoIdentities.subject, sub));
    expect(owners).toEqual([{ userId: owner.id }]);
  });

  it("refuses a sign-in without an e-mail unless the subject is known", async () => {
    expect(await signInWithSso(t.db, { provider: "oidc", subject: subject(), email: null, emailVerified: true })).toEqual({ ok: false, reason: "sso_no_email" });
  });
});
