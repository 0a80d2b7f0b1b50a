import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users, workspaces } from "./accounts";

export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";
export type JobProgress = { done: number; total?: number; unit?: string; stage?: string };

/**
 * Long work off the request path (imports, analysis sweeps, metric computations). Any app instance
 * claims a queued job with FOR UPDATE SKIP LOCKED; a running job whose heartbeat stops (its instance
 * died) is claimed again. Progress and the cancel request are rows, so every instance and a reload see them.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    status: text().$type<JobStatus>().notNull().default("queued"),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    progress: jsonb().$type<JobProgress>(),
    result: jsonb().$type<unknown>(),
    error: text(),
    cancelRequestedAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lockedBy: text(),
    heartbeatAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.status, t.createdAt), index().on(t.workspaceId, t.kind, t.createdAt)],
);
export type Job = typeof jobs.$inferSelect;
