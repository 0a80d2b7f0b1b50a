import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { listAccountMessages } from "@/db/queries/account-messages";
import { listActiveUserSessions } from "@/db/queries/user-sessions";
import { passwordResetTokens, userSessions, users } from "@/db/schema";
import { deliverAccountMessages } from "@/lib/accounts/account-mail";
import { changePassword, endOwnSession, signOutEverywhere } from "@/lib/accounts/account-settings";
import { requestPasswordReset, resetPassword, RESET_TOKEN_MS } from "@/lib/accounts/password-reset";
import { verifyCredentials } from "@/lib/accounts/sign-in";
import { signUp } from "@/lib/accounts/sign-up";
import { hashToken } from "@/lib/auth/tokens";
import { endUserSession, resolveSessionUser, startUserSession } from "@/lib/auth/user-sessions";
import { TEST_PASSWORD, createUser, uniqueEmail } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

/**
 * Sessions that really end, password change and reset, on real databases. Only the process-wide
 * database handle is pointed at the test database, so next-auth's own callbacks can be driven too.
 */

const acting = vi.hoisted(() => ({ db: undefined as Database | undefined }));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/db/client")>()), getDb: () => acting.db! }));

const HOUR = 3600_000;
const lifetimes = { idleMs: 8 * HOUR, maxMs: 7 * 24 * HOUR };
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const NEW_PASSWORD = "new-horse-battery-7";

describe.each(testDatabaseKinds())("sessions and passwords on %s", (kind) => {
  const t = useTestDatabase(kind);
  beforeAll(() => {
    vi.stubEnv("NEXTAUTH_SECRET", "integration-test-secret");
    vi.stubEnv("NEXTAUTH_URL", "https://needscape.example");
  });
  beforeEach(() => {
    acting.db = t.db;
  });

  async function signedIn(db: Database, userId: string, now = new Date()) {
    return startUserSession(db, { userId, method: "credentials", userAgent: "Vitest", now, lifetimes });
  }

  it("lets a session in only while its row is active: not revoked, neither expiry passed, the right user", async () => {
    const user = await createUser(t.db);
    const other = await createUser(t.db);
    const start = new Date("2026-03-02T08:00:00Z");
    const session = await signedIn(t.db, user.id, start);
    const resolve = (now: Date, userId = user.id) => resolveSessionUser(t.db, { sessionId: session.id, userId, now, lifetimes });

    expect(await resolve(at(start, 1000))).toMatchObject({ id: user.id, email: user.email, sessionId: session.id });
    expect(await resolve(at(start, 1000), other.id)).toBeUndefined();
    // Unused for longer than the idle time: over.
    expect(await resolve(at(start, 8 * HOUR + 1))).toBeUndefined();

    await endUserSession(t.db, { sessionId: session.id, now: at(start, 2000) });
    expect(await resolve(at(start, 3000))).toBeUndefined();
  });

  it("slides the idle expiry on use, at most once a minute, and never past the absolute expiry", async () => {
    const user = await createUser(t.db);
    const start = new Date("2026-03-02T08:00:00Z");
    const session = await signedIn(t.db, user.id, start);
    const row = async () => (await t.db.select().from(userSessions).where(eq(userSessions.id, session.id)))[0]!;
    const resolve = (now: Date) => resolveSessionUser(t.db, { sessionId: session.id, userId: user.id, now, lifetimes });

    await resolve(at(start, 30_000));
    expect((await row()).lastSeenAt).toEqual(start);
    await resolve(at(start, 2 * 60_000));
    expect((await row()).lastSeenAt).toEqual(at(start, 2 * 60_000));
    expect((await row()).idleExpiresAt).toEqual(at(start, 2 * 60_000 + 8 * HOUR));

    // Used every few hours, the session lives on until its absolute expiry, and not a moment longer.
    for (let hours = 6; hours < 7 * 24; hours += 6) expect(await resolve(at(start, hours * HOUR)), `after ${hours} h`).toBeDefined();
    expect((await row()).idleExpiresAt).toEqual(at(start, 7 * 24 * HOUR));
    expect(await resolve(at(start, 7 * 24 * HOUR))).toBeUndefined();
  });

  it("signs out through next-auth: the JWT holds only the row id, and the signOut event revokes the row", async () => {
    const user = await createUser(t.db);
    const { authOptions } = await import("@/lib/auth/options");
    const options = authOptions();
    const token = await options.callbacks!.jwt!({
      token: { name: user.name, email: user.email, sub: user.id },
      user: { id: user.id, email: user.email, name: user.name },
      account: { type: "credentials", provider: "credentials", providerAccountId: user.id },
      trigger: "signIn",
    } as never);
    expect(Object.keys(token).sort()).toEqual(["sid", "userId"]);
    const sessionOf = () => options.callbacks!.session!({ session: { user: {}, expires: "2099-01-01T00:00:00.000Z" }, token } as never);
    expect(await sessionOf()).toMatchObject({ user: { id: user.id, email: user.email, name: user.name } });
    expect(options.session?.maxAge).toBe(7 * 24 * 3600);

    await options.events!.signOut!({ token } as never);
    // next-auth turns this into "{}" for GET /api/auth/session and clears the cookie.
    await expect(sessionOf()).rejects.toThrow("The session has ended.");
    const [row] = await t.db.select().from(userSessions).where(eq(userSessions.id, token.sid as string));
    expect(row!.revokedAt).not.toBeNull();
  });

  it("changes the password: the current password is checked, other sessions end, this one stays", async () => {
    const user = await createUser(t.db);
    const current = await signedIn(t.db, user.id);
    const laptop = await signedIn(t.db, user.id);
    const phone = await signedIn(t.db, user.id);
    const actor = { userId: user.id, sessionId: current.id };

    await expect(changePassword(t.db, actor, { currentPassword: "wrong-password-1", newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { currentPassword: ["The current password is not right"] },
    });
    expect(await listActiveUserSessions(t.db, { userId: user.id, now: new Date() })).toHaveLength(3);

    expect(await changePassword(t.db, actor, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).toEqual({ endedSessions: 2 });
    const active = await listActiveUserSessions(t.db, { userId: user.id, now: new Date() });
    expect(active.map((s) => s.id)).toEqual([current.id]);
    for (const ended of [laptop, phone]) expect(await resolveSessionUser(t.db, { sessionId: ended.id, userId: user.id })).toBeUndefined();
    expect(await resolveSessionUser(t.db, { sessionId: current.id, userId: user.id })).toMatchObject({ id: user.id });

    expect(await verifyCredentials(t.db, { email: user.email, password: TEST_PASSWORD })).toBeUndefined();
    expect(await verifyCredentials(t.db, { email: user.email, password: NEW_PASSWORD })).toMatchObject({ id: user.id });
    const [stored] = await t.db.select({ changedAt: users.passwordChangedAt }).from(users).where(eq(users.id, user.id));
    expect(stored!.changedAt).toBeInstanceOf(Date);
  });

  it("signs out everywhere, and ends single sessions only of the user's own", async () => {
    const user = await createUser(t.db);
    const intruder = await createUser(t.db);
    const current = await signedIn(t.db, user.id);
    const other = await signedIn(t.db, user.id);
    const intruderSession = await signedIn(t.db, intruder.id);

    await expect(endOwnSession(t.db, { userId: intruder.id, sessionId: intruderSession.id }, { sessionId: other.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await resolveSessionUser(t.db, { sessionId: other.id, userId: user.id })).toBeDefined();
    await endOwnSession(t.db, { userId: user.id, sessionId: current.id }, { sessionId: other.id });
    expect(await resolveSessionUser(t.db, { sessionId: other.id, userId: user.id })).toBeUndefined();

    const another = await signedIn(t.db, user.id);
    expect(await signOutEverywhere(t.db, { userId: user.id, sessionId: current.id })).toEqual({ endedSessions: 2 });
    for (const ended of [current, another]) expect(await resolveSessionUser(t.db, { sessionId: ended.id, userId: user.id })).toBeUndefined();
    expect(await resolveSessionUser(t.db, { sessionId: intruderSession.id, userId: intruder.id })).toBeDefined();
  });

  it("resets a password by e-mail: one link, from the configured URL, single use, and every session ends", async () => {
    const user = await createUser(t.db, { name: "Aino" });
    const session = await signedIn(t.db, user.id);
    const mailDir = mkdtempSync(path.join(tmpdir(), "mail-drop-"));

    await requestPasswordReset(t.db, { email: uniqueEmail("nobody") });
    await requestPasswordReset(t.db, { email: user.email.toUpperCase() }, { locale: "fi" });
    expect(await deliverAccountMessages(t.db, { transport: null, mailDir })).toEqual({ sent: 0, outbox: 1, failed: 0 });

    const [message] = await listAccountMessages(t.db, { toEmail: user.email });
    expect(message).toMatchObject({ kind: "password_reset", status: "outbox", subject: "Needscape-salasanasi vaihtaminen" });
    const files = readdirSync(mailDir);
    expect(files).toHaveLength(1);
    const eml = readFileSync(path.join(mailDir, files[0]!), "utf8");
    expect(eml).toContain(`To: ${user.email}`);
    const link = /https:\/\/needscape\.example\/reset-password\?token=([\w-]+)/.exec(eml);
    expect(link, eml).not.toBeNull();
    const token = link![1]!;
    // Only the hash is stored.
    const stored = await t.db.select({ tokenHash: passwordResetTokens.tokenHash }).from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(stored).toEqual([{ tokenHash: hashToken(token) }]);

    await expect(resetPassword(t.db, { token: `${token}x`, password: NEW_PASSWORD })).rejects.toMatchObject({ code: "invalid" });
    await resetPassword(t.db, { token, password: NEW_PASSWORD });
    await expect(resetPassword(t.db, { token, password: "third-horse-battery-9" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { token: ["This reset link has expired or was already used"] },
    });
    expect(await resolveSessionUser(t.db, { sessionId: session.id, userId: user.id })).toBeUndefined();
    expect(await verifyCredentials(t.db, { email: user.email, password: TEST_PASSWORD })).toBeUndefined();
    expect(await verifyCredentials(t.db, { email: user.email, password: NEW_PASSWORD })).toMatchObject({ id: user.id });
  });

  it("refuses an expired reset link, and a newer request replaces the older link", async () => {
    const user = await createUser(t.db);
    // The newest message's link (the list is newest first).
    const latestToken = async () => /token=([\w-]+)/.exec((await listAccountMessages(t.db, { toEmail: user.email }))[0]!.body)![1]!;
    const requested = new Date();
    await requestPasswordReset(t.db, { email: user.email }, { now: requested });
    const first = await latestToken();
    await expect(resetPassword(t.db, { token: first, password: NEW_PASSWORD }, { now: at(requested, RESET_TOKEN_MS + 1) })).rejects.toMatchObject({ code: "invalid" });

    await requestPasswordReset(t.db, { email: user.email }, { now: at(requested, 1000) });
    const latest = await latestToken();
    expect(latest).not.toBe(first);
    await expect(resetPassword(t.db, { token: first, password: NEW_PASSWORD })).rejects.toMatchObject({ code: "invalid" });
    await resetPassword(t.db, { token: latest, password: NEW_PASSWORD });
    expect(await verifyCredentials(t.db, { email: user.email, password: NEW_PASSWORD })).toMatchObject({ id: user.id });
  });

  it("refuses a 73-byte password at sign-up, change and reset, and at sign-in", async () => {
    const long = `a1${"x".repeat(71)}`;
    await expect(signUp(t.db, { name: "Long", email: uniqueEmail(), password: long })).rejects.toThrow();
    const user = await createUser(t.db);
    const session = await signedIn(t.db, user.id);
    await expect(changePassword(t.db, { userId: user.id, sessionId: session.id }, { currentPassword: TEST_PASSWORD, newPassword: long })).rejects.toThrow();
    await expect(resetPassword(t.db, { token: "t".repeat(43), password: long })).rejects.toThrow();
    // Same first 72 bytes as a stored password would have matched in bcrypt: refused before any hash is compared.
    const stored = `a1${"y".repeat(70)}`;
    const owner = await signUp(t.db, { name: "Exact", email: uniqueEmail(), password: stored });
    expect(await verifyCredentials(t.db, { email: owner.email, password: stored })).toMatchObject({ id: owner.id });
    expect(await verifyCredentials(t.db, { email: owner.email, password: `${stored}z` })).toBeUndefined();
  });
});
