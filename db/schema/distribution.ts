import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./accounts";
import { surveys } from "./surveys";

/** A survey's contact list: one row per e-mail, imported from CSV or the API; personal links are signed per contact. */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    surveyId: uuid().notNull().references(() => surveys.id, { onDelete: "cascade" }),
    // Stored lower-cased, so a re-import of the same address updates rather than duplicates.
    email: text().notNull(),
    customerId: text(),
    language: text(),
    attributes: jsonb().$type<Record<string, string>>().notNull().default({}),
    unsubscribedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.surveyId, t.email), index().on(t.workspaceId, t.surveyId)],
);
export type Contact = typeof contacts.$inferSelect;

/**
 * Every invitation and reminder, rendered when queued. Without SMTP this table is the outbox page;
 * with SMTP it is the queue any app instance drains (claimed with FOR UPDATE SKIP LOCKED).
 * status: scheduled → sent (SMTP) | outbox (no SMTP configured) | skipped (unsubscribed or finished meanwhile) | failed.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    surveyId: uuid().notNull().references(() => surveys.id, { onDelete: "cascade" }),
    contactId: uuid().notNull().references(() => contacts.id, { onDelete: "cascade" }),
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
  (t) => [index().on(t.status, t.sendAt), index().on(t.workspaceId, t.surveyId), index().on(t.contactId)],
);
export type OutboxMessage = typeof outboxMessages.$inferSelect;

/** Visits of a survey link, for the funnel: one per contact for personal links, one per page view for the public link. */
export const surveyLinkOpens = pgTable(
  "survey_link_opens",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    surveyId: uuid().notNull().references(() => surveys.id, { onDelete: "cascade" }),
    channel: text().notNull(),
    contactId: uuid().references(() => contacts.id, { onDelete: "cascade" }),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.contactId), index().on(t.workspaceId, t.surveyId)],
);
