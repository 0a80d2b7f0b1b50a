import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users, workspaces } from "./accounts";
import { jobs } from "./jobs";
import { studies } from "./studies";
import { responses, surveys } from "./surveys";

export type SegmentationVariable = { id: string; label: string };
export type SegmentationMethod = "kmeans" | "rfm_segments" | "engagement_tiers";

/**
 * One analysis of a study's data (AnalysisDataset config + SegmentationRun): the chosen basis and
 * descriptor variables, preprocessing, k range, restarts, bootstraps and seed, run as a background
 * job; results (per k: WSS, silhouette, bootstrap ARIs, recommendation) land here and survive reloads.
 */
export const analysisRuns = pgTable(
  "analysis_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    studyId: uuid().notNull().references(() => studies.id, { onDelete: "cascade" }),
    name: text().notNull().default(""),
    config: jsonb().$type<Record<string, unknown>>().notNull(),
    // Hash of the analysis matrix (respondent ids + values), so a saved solution says exactly which data it was fit on.
    dataFingerprint: text(),
    respondentCount: integer(),
    jobId: uuid().references(() => jobs.id, { onDelete: "set null" }),
    results: jsonb().$type<Record<string, unknown>>(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workspaceId, t.studyId, t.createdAt)],
);
export type AnalysisRun = typeof analysisRuns.$inferSelect;

/** A saved k-means solution: immutable once written. */
export const segmentations = pgTable(
  "segmentations",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    studyId: uuid().notNull().references(() => studies.id, { onDelete: "cascade" }),
    // The survey of a single-survey k-means solution; null for rule-based solutions and multi-survey datasets.
    surveyId: uuid().references(() => surveys.id, { onDelete: "cascade" }),
    name: text().notNull(),
    method: text().$type<SegmentationMethod>().notNull().default("kmeans"),
    runId: uuid().references(() => analysisRuns.id, { onDelete: "set null" }),
    // The dataset and preprocessing the solution was fit on (variables, transforms, exclusions), for reproducing it.
    config: jsonb().$type<Record<string, unknown>>(),
    dataFingerprint: text(),
    k: integer().notNull(),
    seed: integer().notNull(),
    restarts: integer().notNull(),
    variables: jsonb().$type<SegmentationVariable[]>().notNull(),
    // Row-major k × variables.
    centroids: jsonb().$type<number[][]>().notNull(),
    totalMeans: jsonb().$type<number[]>().notNull(),
    withinSS: doublePrecision().notNull(),
    respondentCount: integer().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workspaceId, t.studyId)],
);
export type Segmentation = typeof segmentations.$inferSelect;

export const segments = pgTable(
  "segments",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    segmentationId: uuid().notNull().references(() => segmentations.id, { onDelete: "cascade" }),
    // 0-based position in the solution (segments are ordered by size at save time).
    position: integer().notNull(),
    // The team's name for the segment; defaults to "Segment N" until named.
    name: text().notNull(),
    size: integer().notNull(),
    means: jsonb().$type<number[]>().notNull(),
  },
  (t) => [unique().on(t.segmentationId, t.position), index().on(t.workspaceId)],
);
export type Segment = typeof segments.$inferSelect;

export const segmentAssignments = pgTable(
  "segment_assignments",
  {
    segmentationId: uuid().notNull().references(() => segmentations.id, { onDelete: "cascade" }),
    responseId: uuid().notNull().references(() => responses.id, { onDelete: "cascade" }),
    segmentId: uuid().notNull().references(() => segments.id, { onDelete: "cascade" }),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    // Null: assigned when the solution was fit (its createdAt). Set: a later respondent placed by nearest centroid at that time.
    assignedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.segmentationId, t.responseId] }), index().on(t.segmentId)],
);
