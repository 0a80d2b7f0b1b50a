import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/**
 * One row per signed-in browser. The JWT carries only this row's id, and every request checks the row,
 * so signing out, a password change or "sign out everywhere" ends a session at once on every app instance.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Sliding: moved forward on use; a session unused this long ends.
    idleExpiresAt: timestamp({ withTimezone: true }).notNull(),
    // Fixed at sign-in: no session outlives this, however active.
    absoluteExpiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    // How the session started: credentials, or the SSO provider's id.
    method: text().notNull().default("credentials"),
    userAgent: text(),
  },
  (t) => [index().on(t.userId)],
);
export type UserSession = typeof userSessions.$inferSelect;

/** An SSO identity is its provider's subject, never its e-mail: this is what links it to a user. */
export const ssoIdentities = pgTable(
  "sso_identities",
  {
    provider: text().notNull(),
    subject: text().notNull(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    email: text(),
    emailVerified: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] }), index().on(t.userId)],
);
export type SsoIdentity = typeof ssoIdentities.$inferSelect;

/** A password-reset link: single use, short-lived, only its hash stored. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId)],
);

/**
 * Mail about a person's account (password reset, …), outside any workspace. Sent over SMTP by the
 * outbox timer when SMTP is configured; otherwise kept here with status "outbox" (see README).
 */
export const accountMessages = pgTable(
  "account_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    toEmail: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    status: text().notNull().default("scheduled"),
    sendAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    error: text(),
    processedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.status, t.sendAt), index().on(t.toEmail)],
);
export type AccountMessage = typeof accountMessages.$inferSelect;

/**
 * Rate-limit state, in the database so a limit holds across every app process.
 * `scope` names the limit (e.g. "sign-in:account", "sign-in:ip", "submit:ip"), `key` what it counts.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    scope: text().notNull(),
    key: text().notNull(),
    windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    hits: integer().notNull().default(0),
    // Consecutive failures (for back-off on sign-in); reset by a success.
    failures: integer().notNull().default(0),
    blockedUntil: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index().on(t.updatedAt)],
);
