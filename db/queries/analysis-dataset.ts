import { and, asc, count, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { customerMetrics, customerMetricSnapshots, responses } from "../schema";
import { isUuid } from "@/lib/ids";
import { joinableCustomerId, verifiedOnlyOfSnapshot } from "./customer-join";

/** Responses ↔ the snapshot's customers by customer id, under the study's verified-only setting. */
function metricsJoin(params: { workspaceId: string; snapshotId?: string }) {
  if (!params.snapshotId) return sql`false`;
  return and(
    eq(customerMetrics.snapshotId, params.snapshotId),
    eq(customerMetrics.workspaceId, responses.workspaceId),
    eq(customerMetrics.customerExternalId, responses.customerId),
    joinableCustomerId(responses.customerIdVerified, verifiedOnlyOfSnapshot({ workspaceId: params.workspaceId, snapshotId: params.snapshotId })),
  )!;
}

// Raw sql fields skip drizzle's column mapping; drivers may hand jsonb back as text.
function parseJsonb(value: unknown): Record<string, unknown> {
  const parsed = typeof value === "string" ? JSON.parse(value) : value;
  return (parsed ?? {}) as Record<string, unknown>;
}

/** The study's latest customer metric snapshot (what behavioural variables are read from), if any. */
export async function findLatestMetricSnapshot(db: Database, params: { workspaceId: string; studyId: string }) {
  if (!isUuid(params.studyId)) return undefined;
  const [row] = await db
    .select({ id: customerMetricSnapshots.id, computedAt: customerMetricSnapshots.computedAt })
    .from(customerMetricSnapshots)
    .where(and(eq(customerMetricSnapshots.workspaceId, params.workspaceId), eq(customerMetricSnapshots.studyId, params.studyId)))
    .orderBy(desc(customerMetricSnapshots.computedAt), desc(customerMetricSnapshots.id))
    .limit(1);
  return row;
}

/** The named segments and tiers present in a snapshot, for the category lists of the form. */
export async function listSnapshotCategories(db: Database, params: { workspaceId: string; snapshotId: string }) {
  const distinct = async (column: typeof customerMetrics.rfmSegment | typeof customerMetrics.engagementTier) =>
    (
      await db
        .selectDistinct({ value: column })
        .from(customerMetrics)
        .where(and(eq(customerMetrics.workspaceId, params.workspaceId), eq(customerMetrics.snapshotId, params.snapshotId), isNotNull(column)))
        .orderBy(asc(column))
    ).map((row) => row.value!);
  return { rfmSegment: await distinct(customerMetrics.rfmSegment), engagementTier: await distinct(customerMetrics.engagementTier) };
}

/** Complete responses of a survey, and how many of them carry a customer id found in the snapshot. */
export async function countDatasetResponses(db: Database, params: { workspaceId: string; surveyId: string; snapshotId?: string }) {
  const [row] = await db
    .select({
      responses: count(responses.id),
      matched: params.snapshotId ? count(customerMetrics.customerExternalId) : sql<number>`0`.mapWith(Number),
    })
    .from(responses)
    .leftJoin(customerMetrics, metricsJoin(params))
    .where(and(eq(responses.workspaceId, params.workspaceId), eq(responses.surveyId, params.surveyId), eq(responses.status, "complete")));
  return { responses: Number(row?.responses ?? 0), matched: Number(row?.matched ?? 0) };
}

const metricColumns = {
  recencyDays: customerMetrics.recencyDays,
  frequency: customerMetrics.frequency,
  monetary: customerMetrics.monetary,
  recencyScore: customerMetrics.recencyScore,
  frequencyScore: customerMetrics.frequencyScore,
  monetaryScore: customerMetrics.monetaryScore,
  averageOrderValue: customerMetrics.averageOrderValue,
  arpu: customerMetrics.arpu,
  churned: customerMetrics.churned,
  rfmSegment: customerMetrics.rfmSegment,
  engagementTier: customerMetrics.engagementTier,
};
export type DatasetMetricKey = keyof typeof metricColumns;

/**
 * The rows of an analysis dataset: complete responses of one survey with only the answers to the
 * questions the analysis uses (picked out in SQL) and, when a snapshot is given, the respondent's
 * customer metrics joined by customer id. Oldest first, so row order (and the fingerprint) is stable.
 */
export async function selectDatasetRows(
  db: Database,
  params: { workspaceId: string; surveyId: string; questionIds: readonly string[]; excludeFlagged: boolean; snapshotId?: string },
) {
  const picked = params.questionIds.length
    ? sql`jsonb_build_object(${sql.join(
        params.questionIds.map((id) => sql`${id}::text, ${responses.answers} -> ${id}::text`),
        sql`, `,
      )})`
    : sql`'{}'::jsonb`;
  const rows = await db
    .select({
      id: responses.id,
      versionId: responses.versionId,
      answers: sql<unknown>`${picked}`,
      hasMetrics: params.snapshotId ? sql<boolean>`${customerMetrics.customerExternalId} is not null` : sql<boolean>`false`,
      ...(params.snapshotId ? metricColumns : {}),
    })
    .from(responses)
    .leftJoin(customerMetrics, metricsJoin(params))
    .where(
      and(
        eq(responses.workspaceId, params.workspaceId),
        eq(responses.surveyId, params.surveyId),
        eq(responses.status, "complete"),
        // Quality flags (lib/responses/quality.ts): leave out speeders, straight-liners and failed checks.
        params.excludeFlagged ? sql`jsonb_array_length(${responses.flags}) = 0` : undefined,
      ),
    )
    .orderBy(asc(responses.createdAt), asc(responses.id));
  return rows.map((row) => {
    const { id, versionId, answers, hasMetrics, ...metrics } = row as typeof row & Partial<Record<DatasetMetricKey, unknown>>;
    return {
      id,
      versionId,
      answers: parseJsonb(answers),
      customer: hasMetrics ? (metrics as Record<string, number | string | boolean | null>) : undefined,
    };
  });
}
