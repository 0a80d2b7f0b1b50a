import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Database } from "../client";
import { responses, segmentAssignments, segmentations, segments, surveys, surveyVersions } from "../schema";
import type { SegmentationMethod, SegmentationVariable } from "../schema/segments";
import { isUuid } from "@/lib/ids";

/** Surveys of a study that have a published version (published or since closed): what can be analysed. */
export async function listAnalysableSurveys(db: Database, params: { workspaceId: string; studyId: string; surveyId?: string }) {
  if (!isUuid(params.studyId) || (params.surveyId !== undefined && !isUuid(params.surveyId))) return [];
  return db
    .select({ id: surveys.id, title: surveys.title, status: surveys.status, definition: surveyVersions.definition })
    .from(surveys)
    .innerJoin(surveyVersions, and(eq(surveyVersions.id, surveys.currentVersionId), eq(surveyVersions.workspaceId, surveys.workspaceId)))
    .where(
      and(
        eq(surveys.workspaceId, params.workspaceId),
        eq(surveys.studyId, params.studyId),
        inArray(surveys.status, ["published", "closed"]),
        isNotNull(surveys.currentVersionId),
        params.surveyId ? eq(surveys.id, params.surveyId) : undefined,
      ),
    )
    .orderBy(asc(surveys.title));
}

export async function findAnalysableSurvey(db: Database, params: { workspaceId: string; studyId: string; surveyId: string }) {
  const [row] = await listAnalysableSurveys(db, params);
  return row;
}

const segmentationColumns = {
  id: segmentations.id,
  studyId: segmentations.studyId,
  surveyId: segmentations.surveyId,
  name: segmentations.name,
  method: segmentations.method,
  k: segmentations.k,
  seed: segmentations.seed,
  restarts: segmentations.restarts,
  respondentCount: segmentations.respondentCount,
  createdAt: segmentations.createdAt,
};

export async function listSegmentations(db: Database, params: { workspaceId: string; studyId: string }) {
  if (!isUuid(params.studyId)) return [];
  return db
    .select(segmentationColumns)
    .from(segmentations)
    .where(and(eq(segmentations.workspaceId, params.workspaceId), eq(segmentations.studyId, params.studyId)))
    .orderBy(desc(segmentations.createdAt));
}

/** A saved solution with its segments (largest first); summaries only, no respondent-level data. */
export async function findSegmentation(db: Database, params: { workspaceId: string; segmentationId: string }) {
  if (!isUuid(params.segmentationId)) return undefined;
  const [row] = await db
    .select({
      ...segmentationColumns,
      surveyTitle: surveys.title,
      variables: segmentations.variables,
      centroids: segmentations.centroids,
      totalMeans: segmentations.totalMeans,
      withinSS: segmentations.withinSS,
    })
    .from(segmentations)
    .leftJoin(surveys, eq(surveys.id, segmentations.surveyId))
    .where(and(eq(segmentations.workspaceId, params.workspaceId), eq(segmentations.id, params.segmentationId)));
  if (!row) return undefined;
  const segmentRows = await db
    .select({ id: segments.id, position: segments.position, name: segments.name, size: segments.size, means: segments.means })
    .from(segments)
    .where(and(eq(segments.workspaceId, params.workspaceId), eq(segments.segmentationId, row.id)))
    .orderBy(asc(segments.position));
  return { ...row, segments: segmentRows };
}

/** Who is in which segment, for CRMs: personal data (customer ids), so callers need "responses:read". */
export async function listSegmentMembership(db: Database, params: { workspaceId: string; segmentationId: string }) {
  if (!isUuid(params.segmentationId)) return [];
  return db
    .select({
      responseId: segmentAssignments.responseId,
      customerId: responses.customerId,
      segmentId: segments.id,
      segmentName: segments.name,
    })
    .from(segmentAssignments)
    .innerJoin(segments, eq(segments.id, segmentAssignments.segmentId))
    .innerJoin(responses, eq(responses.id, segmentAssignments.responseId))
    .where(and(eq(segmentAssignments.workspaceId, params.workspaceId), eq(segmentAssignments.segmentationId, params.segmentationId)))
    .orderBy(asc(segments.position), asc(segmentAssignments.responseId));
}

export type NewSegmentation = {
  workspaceId: string;
  studyId: string;
  /** Null for rule-based solutions. */
  surveyId: string | null;
  name: string;
  method?: SegmentationMethod;
  /** Set by solutions saved from an analysis run: the run, its dataset config and the data's fingerprint. */
  runId?: string;
  config?: Record<string, unknown>;
  dataFingerprint?: string;
  k: number;
  seed: number;
  restarts: number;
  variables: SegmentationVariable[];
  centroids: number[][];
  totalMeans: number[];
  withinSS: number;
  respondentCount: number;
  createdBy: string | undefined;
  /** In position order. */
  segments: { name: string; size: number; means: number[] }[];
  /** Response ids with the 0-based position of their segment. */
  assignments: { responseIds: readonly string[]; positions: ArrayLike<number> };
};

// Four parameters per assignment row; PostgreSQL allows 65,535 per statement.
const ASSIGNMENT_BATCH = 5_000;

/** Writes a solution, its segments and every assignment in one transaction: all of it or nothing. */
export async function insertSegmentation(db: Database, params: NewSegmentation): Promise<{ id: string }> {
  const { segments: segmentValues, assignments, ...solution } = params;
  return db.transaction(async (tx) => {
    const [saved] = await tx.insert(segmentations).values(solution).returning({ id: segmentations.id });
    const segmentRows = await tx
      .insert(segments)
      .values(segmentValues.map((segment, position) => ({ ...segment, position, workspaceId: params.workspaceId, segmentationId: saved!.id })))
      .returning({ id: segments.id, position: segments.position });
    const segmentIdAt = new Map(segmentRows.map((row) => [row.position, row.id]));
    for (let start = 0; start < assignments.responseIds.length; start += ASSIGNMENT_BATCH) {
      const batch = assignments.responseIds.slice(start, start + ASSIGNMENT_BATCH).map((responseId, offset) => ({
        segmentationId: saved!.id,
        responseId,
        segmentId: segmentIdAt.get(assignments.positions[start + offset]!)!,
        workspaceId: params.workspaceId,
      }));
      await tx.insert(segmentAssignments).values(batch);
    }
    return { id: saved!.id };
  });
}
