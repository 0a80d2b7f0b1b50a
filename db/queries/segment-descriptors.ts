import { and, asc, count, desc, eq, inArray, isNotNull, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client";
import { customerMetrics, customerMetricSnapshots, responses, segmentAssignments, segmentations, segments, surveys, surveyVersions } from "../schema";
import { isUuid } from "@/lib/ids";
import { joinableCustomerId, verifiedOnlyOfSnapshot, verifiedOnlyOfStudy } from "./customer-join";

/**
 * Reads behind a saved solution's page: its respondents with answers and customer metrics,
 * later respondents to place, sizes over time, cross-tabs with another solution, the customers
 * a rule-based solution groups, and membership for CRMs. Every query is scoped by workspace.
 */

const toNumber = (value: string | number | null) => (value === null ? null : Number(value));

/** The latest customer-metric snapshot of a study (by computedAt), if any. */
export async function findLatestMetricSnapshot(db: Database, params: { workspaceId: string; studyId: string }) {
  if (!isUuid(params.studyId)) return undefined;
  const [row] = await db
    .select({ id: customerMetricSnapshots.id, referenceDate: customerMetricSnapshots.referenceDate, computedAt: customerMetricSnapshots.computedAt })
    .from(customerMetricSnapshots)
    .where(and(eq(customerMetricSnapshots.workspaceId, params.workspaceId), eq(customerMetricSnapshots.studyId, params.studyId)))
    .orderBy(desc(customerMetricSnapshots.computedAt), desc(customerMetricSnapshots.id))
    .limit(1);
  return row;
}

/**
 * Every assigned respondent with segment position, answers, response date, when assigned and, when
 * a snapshot is given and the customer id matches, that customer's metrics. Ordered by position, response.
 */
export async function listAssignedRespondents(db: Database, params: { workspaceId: string; segmentationId: string; snapshotId?: string }) {
  if (!isUuid(params.segmentationId)) return [];
  const metricsJoin = params.snapshotId
    ? and(
        eq(customerMetrics.snapshotId, params.snapshotId),
        eq(customerMetrics.workspaceId, params.workspaceId),
        eq(customerMetrics.customerExternalId, responses.customerId),
        joinableCustomerId(responses.customerIdVerified, verifiedOnlyOfSnapshot({ workspaceId: params.workspaceId, snapshotId: params.snapshotId })),
      )
    : sql`false`;
  const rows = await db
    .select({
      responseId: segmentAssignments.responseId,
      position: segments.position,
      surveyId: responses.surveyId,
      versionId: responses.versionId,
      answers: responses.answers,
      respondedAt: sql<Date>`coalesce(${responses.completedAt}, ${responses.createdAt})`.mapWith(responses.createdAt),
      assignedAt: segmentAssignments.assignedAt,
      matched: sql<boolean>`${customerMetrics.customerExternalId} is not null`.mapWith(Boolean),
      rfmSegment: customerMetrics.rfmSegment,
      engagementTier: customerMetrics.engagementTier,
      monetary: customerMetrics.monetary,
      frequency: customerMetrics.frequency,
      recencyDays: customerMetrics.recencyDays,
      churned: customerMetrics.churned,
    })
    .from(segmentAssignments)
    .innerJoin(segments, eq(segments.id, segmentAssignments.segmentId))
    .innerJoin(responses, eq(responses.id, segmentAssignments.responseId))
    .leftJoin(customerMetrics, metricsJoin)
    .where(and(eq(segmentAssignments.workspaceId, params.workspaceId), eq(segmentAssignments.segmentationId, params.segmentationId)))
    .orderBy(asc(segments.position), asc(segmentAssignments.responseId));
  return rows.map(({ matched, rfmSegment, engagementTier, monetary, frequency, recencyDays, churned, ...row }) => ({
    ...row,
    metrics: matched ? { rfmSegment, engagementTier, monetary: toNumber(monetary), frequency, recencyDays, churned } : null,
  }));
}

/** Current definitions of the given surveys (the descriptor questions). */
export async function listSurveyDefinitions(db: Database, params: { workspaceId: string; surveyIds: string[] }) {
  if (params.surveyIds.length === 0) return [];
  return db
    .select({ id: surveys.id, title: surveys.title, definition: surveyVersions.definition })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(and(eq(surveys.workspaceId, params.workspaceId), inArray(surveys.id, params.surveyIds)))
    .orderBy(asc(surveys.title));
}

/** Every version's definition of these surveys (MaxDiff answers are scored with the design of the version answered). */
export async function listVersionDefinitionsOf(db: Database, params: { workspaceId: string; surveyIds: string[] }) {
  if (params.surveyIds.length === 0) return [];
  return db
    .select({ id: surveyVersions.id, definition: surveyVersions.definition })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.workspaceId, params.workspaceId), inArray(surveyVersions.surveyId, params.surveyIds)));
}

/** Complete responses of a survey that the solution has not placed yet (later responses, a new wave). */
export async function listUnassignedResponses(db: Database, params: { workspaceId: string; surveyId: string; segmentationId: string; excludeFlagged: boolean }) {
  return db
    .select({ id: responses.id, answers: responses.answers })
    .from(responses)
    .where(
      and(
        eq(responses.workspaceId, params.workspaceId),
        eq(responses.surveyId, params.surveyId),
        eq(responses.status, "complete"),
        params.excludeFlagged ? sql`jsonb_array_length(${responses.flags}) = 0` : undefined,
        notExists(
          db
            .select({ one: sql`1` })
            .from(segmentAssignments)
            .where(and(eq(segmentAssignments.segmentationId, params.segmentationId), eq(segmentAssignments.responseId, responses.id))),
        ),
      ),
    )
    .orderBy(asc(responses.createdAt), asc(responses.id));
}

const BATCH = 5_000;

/** Adds later assignments; a response placed meanwhile by another request is left as it is. */
export async function insertLaterAssignments(
  db: Database,
  params: { workspaceId: string; segmentationId: string; assignedAt: Date; rows: { responseId: string; segmentId: string }[] },
): Promise<number> {
  return db.transaction(async (tx) => {
    let inserted = 0;
    for (let start = 0; start < params.rows.length; start += BATCH) {
      const batch = params.rows.slice(start, start + BATCH).map((row) => ({ ...row, segmentationId: params.segmentationId, workspaceId: params.workspaceId, assignedAt: params.assignedAt }));
      const written = await tx.insert(segmentAssignments).values(batch).onConflictDoNothing().returning({ id: segmentAssignments.responseId });
      inserted += written.length;
    }
    return inserted;
  });
}

/** Assigned respondents per month of their response and segment, split into fit-time and later assignments. */
export async function segmentSizesByMonth(db: Database, params: { workspaceId: string; segmentationId: string }) {
  if (!isUuid(params.segmentationId)) return [];
  const month = sql<string>`to_char(date_trunc('month', coalesce(${responses.completedAt}, ${responses.createdAt}) at time zone 'UTC'), 'YYYY-MM')`;
  return db
    .select({
      month,
      position: segments.position,
      later: sql<boolean>`${segmentAssignments.assignedAt} is not null`.mapWith(Boolean),
      count: count(),
    })
    .from(segmentAssignments)
    .innerJoin(segments, eq(segments.id, segmentAssignments.segmentId))
    .innerJoin(responses, eq(responses.id, segmentAssignments.responseId))
    .where(and(eq(segmentAssignments.workspaceId, params.workspaceId), eq(segmentAssignments.segmentationId, params.segmentationId)))
    .groupBy(month, segments.position, sql`${segmentAssignments.assignedAt} is not null`)
    .orderBy(month, asc(segments.position));
}

/** Responses in both solutions, counted by (segment in a, segment in b) position. */
export async function crossTabPositions(db: Database, params: { workspaceId: string; segmentationId: string; otherId: string }) {
  if (!isUuid(params.segmentationId) || !isUuid(params.otherId)) return [];
  const otherAssignment = alias(segmentAssignments, "other_assignment");
  const otherSegment = alias(segments, "other_segment");
  return db
    .select({ a: segments.position, b: otherSegment.position, count: count() })
    .from(segmentAssignments)
    .innerJoin(segments, eq(segments.id, segmentAssignments.segmentId))
    .innerJoin(
      otherAssignment,
      and(
        eq(otherAssignment.responseId, segmentAssignments.responseId),
        eq(otherAssignment.segmentationId, params.otherId),
        eq(otherAssignment.workspaceId, params.workspaceId),
      ),
    )
    .innerJoin(otherSegment, eq(otherSegment.id, otherAssignment.segmentId))
    .where(and(eq(segmentAssignments.workspaceId, params.workspaceId), eq(segmentAssignments.segmentationId, params.segmentationId)))
    .groupBy(segments.position, otherSegment.position);
}

/** Complete responses of a study's surveys whose customer is in the snapshot, with the groups and scores rule-based solutions use. */
export async function listStudyRespondentMetrics(db: Database, params: { workspaceId: string; studyId: string; snapshotId: string }) {
  const rows = await db
    .select({
      responseId: responses.id,
      rfmSegment: customerMetrics.rfmSegment,
      engagementTier: customerMetrics.engagementTier,
      recencyScore: customerMetrics.recencyScore,
      frequencyScore: customerMetrics.frequencyScore,
      monetaryScore: customerMetrics.monetaryScore,
    })
    .from(responses)
    .innerJoin(surveys, and(eq(surveys.id, responses.surveyId), eq(surveys.workspaceId, responses.workspaceId)))
    .innerJoin(
      customerMetrics,
      and(
        eq(customerMetrics.snapshotId, params.snapshotId),
        eq(customerMetrics.workspaceId, responses.workspaceId),
        eq(customerMetrics.customerExternalId, responses.customerId),
        joinableCustomerId(responses.customerIdVerified, verifiedOnlyOfStudy(params)),
      ),
    )
    .where(and(eq(responses.workspaceId, params.workspaceId), eq(surveys.studyId, params.studyId), eq(responses.status, "complete"), isNotNull(responses.customerId)))
    .orderBy(asc(responses.id));
  return rows;
}

/** Membership for CRMs: customer id, segment, solution and when each was assigned (fit time unless placed later). */
export async function listMembershipExport(db: Database, params: { workspaceId: string; segmentationId: string }) {
  if (!isUuid(params.segmentationId)) return [];
  return db
    .select({
      responseId: segmentAssignments.responseId,
      customerId: responses.customerId,
      segmentId: segments.id,
      segmentName: segments.name,
      solutionName: segmentations.name,
      assignedAt: sql<Date>`coalesce(${segmentAssignments.assignedAt}, ${segmentations.createdAt})`.mapWith(segmentations.createdAt),
      assignedLater: sql<boolean>`${segmentAssignments.assignedAt} is not null`.mapWith(Boolean),
    })
    .from(segmentAssignments)
    .innerJoin(segmentations, eq(segmentations.id, segmentAssignments.segmentationId))
    .innerJoin(segments, eq(segments.id, segmentAssignments.segmentId))
    .innerJoin(responses, eq(responses.id, segmentAssignments.responseId))
    .where(and(eq(segmentAssignments.workspaceId, params.workspaceId), eq(segmentAssignments.segmentationId, params.segmentationId)))
    .orderBy(asc(segments.position), asc(segmentAssignments.responseId));
}

/** The solution's own row fields that the page needs beyond findSegmentation: config and method. */
export async function findSegmentationConfig(db: Database, params: { workspaceId: string; segmentationId: string }) {
  if (!isUuid(params.segmentationId)) return undefined;
  const [row] = await db
    .select({ config: segmentations.config, method: segmentations.method, surveyId: segmentations.surveyId, createdAt: segmentations.createdAt })
    .from(segmentations)
    .where(and(eq(segmentations.workspaceId, params.workspaceId), eq(segmentations.id, params.segmentationId)));
  return row;
}
