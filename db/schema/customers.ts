import { boolean, date, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { BadRowReason } from "@/lib/customers/import/bad-row-reasons";
import { users, workspaces } from "./accounts";
import { jobs } from "./jobs";
import { studies } from "./studies";

/**
 * Customer data belongs to the workspace (one customer base shared by its studies); metric settings
 * and computed metrics belong to a study. Customers are keyed by the external id the company's own
 * systems use — the same id personal links and hidden fields carry — so the join to respondents is by value.
 */
export const customers = pgTable(
  "customers",
  {
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    externalId: text().notNull(),
    attributes: jsonb().$type<Record<string, string | number | null>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.externalId] })],
);
export type Customer = typeof customers.$inferSelect;

/**
 * One row per transaction line. lineKey makes re-imports idempotent: a hash of the order id and the
 * line's content plus its occurrence number within the file, so importing the same file twice adds nothing.
 * Cancellations/returns are kept (flagged or negative) so cleaning rules can be changed without re-importing.
 *
 * Lines are bulk-loaded: the importer COPYs them straight in, tagged with their import, and they count
 * only once that import has succeeded (`visibleLines` in db/queries/customer-lines.ts — every reader
 * goes through it). So the table carries no per-row constraint that COPY would check line by line: no
 * unique line key (the import's final step drops lines whose key is already there, under a per-workspace
 * lock), no foreign keys (triggers of migration 0008 delete lines with their workspace or their import),
 * and one index, by workspace and import, that COPY appends to cheaply.
 */
export const transactions = pgTable(
  "transactions",
  {
    workspaceId: uuid().notNull(),
    lineKey: text().notNull(),
    // Null where the source has no customer (135,080 lines of the retail log): kept, excluded by cleaning.
    customerExternalId: text(),
    orderId: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    itemCode: text(),
    quantity: numeric({ precision: 14, scale: 3 }),
    unitPrice: numeric({ precision: 14, scale: 4 }),
    amount: numeric({ precision: 18, scale: 4 }).notNull(),
    isCancellation: boolean().notNull().default(false),
    importId: uuid(),
  },
  (t) => [index().on(t.workspaceId, t.importId)],
);
export type Transaction = typeof transactions.$inferSelect;

/** Usage as events (one row per event; eventKey idempotent like lineKey, bulk-loaded like transactions). */
export const usageEvents = pgTable(
  "usage_events",
  {
    workspaceId: uuid().notNull(),
    eventKey: text().notNull(),
    customerExternalId: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    eventName: text(),
    importId: uuid(),
  },
  (t) => [index().on(t.workspaceId, t.importId)],
);

/** Usage delivered pre-aggregated (last active date, sessions per month); one row per customer, replaced on import. */
export const usageSummaries = pgTable(
  "usage_summaries",
  {
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    customerExternalId: text().notNull(),
    lastActiveAt: timestamp({ withTimezone: true }),
    sessionsPerMonth: doublePrecision(),
    activeDaysPerMonth: doublePrecision(),
    importId: uuid(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.customerExternalId] })],
);

export type DataImportKind = "customers" | "transactions" | "usage_events" | "usage_summaries";
export type DataImportStatus = "uploading" | "uploaded" | "queued" | "running" | "succeeded" | "failed" | "cancelled";

/** An uploaded file and what became of it. The file's bytes live in dataImportChunks, so any instance can process it. */
export const dataImports = pgTable(
  "data_imports",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text().$type<DataImportKind>().notNull(),
    fileName: text().notNull(),
    byteSize: integer().notNull().default(0),
    gzipped: boolean().notNull().default(false),
    status: text().$type<DataImportStatus>().notNull().default("uploading"),
    // Column mapping, parsing options (delimiter, decimal comma, date format, time zone) and the bad-row policy.
    mapping: jsonb().$type<Record<string, unknown>>(),
    options: jsonb().$type<Record<string, unknown>>(),
    jobId: uuid().references(() => jobs.id, { onDelete: "set null" }),
    rowCount: integer(),
    importedCount: integer(),
    unchangedCount: integer(),
    badRowCount: integer(),
    // Bad rows by reason code, all of them, even past the number kept row by row in data_import_errors.
    badRowCounts: jsonb().$type<Record<string, number>>(),
    // Bytes after decompression, checked against the cap while the file is read.
    decompressedBytes: doublePrecision(),
    error: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.workspaceId, t.createdAt)],
);
export type DataImport = typeof dataImports.$inferSelect;

/** The uploaded file, as received (gzipped or not), in ordered chunks of about 1 MiB. Deleted after processing. */
export const dataImportChunks = pgTable(
  "data_import_chunks",
  {
    importId: uuid().notNull().references(() => dataImports.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    // drizzle has no bytea helper; base64 text keeps the driver behaviour identical on PGlite and postgres.js.
    data: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/**
 * Staging: the rows of an import that passed validation, written in small batches while the file is
 * read, then moved into the real tables by one INSERT … SELECT … ON CONFLICT DO NOTHING and deleted.
 * Nothing reaches customers/transactions/usage until the whole file is through, so a failure, a
 * cancel or a rolled-back import leaves the real tables untouched — without one long transaction.
 * `key` is the line key, event key or customer id, depending on the import's kind.
 */
export const dataImportRows = pgTable(
  "data_import_rows",
  {
    // No foreign key either (a per-row trigger on COPY): the import job deletes its staging rows, and
    // rows of imports deleted mid-run are swept by clearImportStaging.
    importId: uuid().notNull(),
    lineNumber: integer().notNull(),
    key: text().notNull(),
    customerExternalId: text(),
    orderId: text(),
    occurredAt: timestamp({ withTimezone: true }),
    itemCode: text(),
    quantity: numeric({ precision: 14, scale: 3 }),
    unitPrice: numeric({ precision: 14, scale: 4 }),
    amount: numeric({ precision: 18, scale: 4 }),
    isCancellation: boolean(),
    eventName: text(),
    attributes: jsonb().$type<Record<string, string | number | null>>(),
    lastActiveAt: timestamp({ withTimezone: true }),
    sessionsPerMonth: doublePrecision(),
    activeDaysPerMonth: doublePrecision(),
  },
  // Deliberately no primary key or index: staging holds only imports in flight, read once by a scan,
  // and an index would be maintained for each of hundreds of thousands of rows (3-4× slower COPY).
);

/** Every rejected row with its line number and reason (downloadable as CSV). */
export const dataImportErrors = pgTable(
  "data_import_errors",
  {
    importId: uuid().notNull().references(() => dataImports.id, { onDelete: "cascade" }),
    lineNumber: integer().notNull(),
    // English, as the API says it; `detail` holds the same as a message key and values for other languages.
    reason: text().notNull(),
    detail: jsonb().$type<BadRowReason>(),
    rawLine: text(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.lineNumber] })],
);

/** Per-study settings of the customer metrics (reference date, cleaning rules, RFM map, tiers, churn). */
export const customerMetricSettings = pgTable("customer_metric_settings", {
  studyId: uuid().primaryKey().references(() => studies.id, { onDelete: "cascade" }),
  workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
  settings: jsonb().$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One computation of all customers' metrics for a study: kept, so changes over time can be shown. */
export const customerMetricSnapshots = pgTable(
  "customer_metric_snapshots",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    studyId: uuid().notNull().references(() => studies.id, { onDelete: "cascade" }),
    referenceDate: date().notNull(),
    settings: jsonb().$type<Record<string, unknown>>().notNull(),
    // Totals and distributions computed with the snapshot (customer count, revenue, quintile cut points …).
    summary: jsonb().$type<Record<string, unknown>>(),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workspaceId, t.studyId, t.computedAt)],
);
export type CustomerMetricSnapshot = typeof customerMetricSnapshots.$inferSelect;

export const customerMetrics = pgTable(
  "customer_metrics",
  {
    snapshotId: uuid().notNull().references(() => customerMetricSnapshots.id, { onDelete: "cascade" }),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    customerExternalId: text().notNull(),
    recencyDays: integer(),
    frequency: integer().notNull().default(0),
    monetary: numeric({ precision: 18, scale: 4 }).notNull().default("0"),
    recencyScore: smallint(),
    frequencyScore: smallint(),
    monetaryScore: smallint(),
    rfmSegment: text(),
    engagementTier: text(),
    averageOrderValue: numeric({ precision: 18, scale: 4 }),
    arpu: numeric({ precision: 18, scale: 4 }),
    firstPurchaseAt: timestamp({ withTimezone: true }),
    lastPurchaseAt: timestamp({ withTimezone: true }),
    churned: boolean(),
  },
  (t) => [
    primaryKey({ columns: [t.snapshotId, t.customerExternalId] }),
    index().on(t.workspaceId, t.customerExternalId),
    // The customer table pages by keyset on (monetary, id) descending within a snapshot (a backward scan).
    index("customer_metrics_snapshot_monetary_idx").on(t.snapshotId, t.monetary, t.customerExternalId),
  ],
);
export type CustomerMetricsRow = typeof customerMetrics.$inferSelect;
