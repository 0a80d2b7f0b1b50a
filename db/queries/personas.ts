import { and, asc, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { personas, segmentations, segments } from "../schema";
import { isUuid } from "@/lib/ids";
import type { PersonaAction, PersonaStatus } from "@/lib/personas/schemas";

/**
 * Naming and personas: reads of saved segmentations for the Personas and Share tabs, and the
 * writes behind renaming a segment and saving its persona. Every query filters by workspace.
 */

const personaColumns = {
  id: personas.id,
  name: personas.name,
  summary: personas.summary,
  goals: personas.goals,
  pains: personas.pains,
  actions: personas.actions,
  status: personas.status,
  updatedAt: personas.updatedAt,
};

const segmentationColumns = {
  id: segmentations.id,
  studyId: segmentations.studyId,
  name: segmentations.name,
  k: segmentations.k,
  variables: segmentations.variables,
  totalMeans: segmentations.totalMeans,
  respondentCount: segmentations.respondentCount,
  createdAt: segmentations.createdAt,
};

const segmentColumns = { id: segments.id, position: segments.position, name: segments.name, size: segments.size, means: segments.means };

const publishedOnly = (onlyPublished: boolean | undefined): SQL | undefined =>
  onlyPublished ? eq(personas.status, "published") : undefined;

/** The study's saved segmentations, newest first (the picker on the Personas tab). */
export async function listSegmentationsOfStudy(db: Database, params: { workspaceId: string; studyId: string }) {
  if (!isUuid(params.studyId)) return [];
  return db
    .select({ id: segmentations.id, name: segmentations.name, k: segmentations.k, respondentCount: segmentations.respondentCount, createdAt: segmentations.createdAt })
    .from(segmentations)
    .where(and(eq(segmentations.workspaceId, params.workspaceId), eq(segmentations.studyId, params.studyId)))
    .orderBy(desc(segmentations.createdAt), desc(segmentations.id));
}

/** One segmentation of the study with its segments (by position) and each segment's persona, if any. */
export async function findSegmentationWithPersonas(db: Database, params: { workspaceId: string; studyId: string; segmentationId: string }) {
  if (!isUuid(params.studyId) || !isUuid(params.segmentationId)) return undefined;
  const [segmentation] = await db
    .select(segmentationColumns)
    .from(segmentations)
    .where(
      and(
        eq(segmentations.workspaceId, params.workspaceId),
        eq(segmentations.studyId, params.studyId),
        eq(segmentations.id, params.segmentationId),
      ),
    );
  if (!segmentation) return undefined;
  const rows = await db
    .select({ ...segmentColumns, persona: { id: personas.id, name: personas.name, status: personas.status } })
    .from(segments)
    .leftJoin(personas, and(eq(personas.segmentId, segments.id), eq(personas.workspaceId, params.workspaceId)))
    .where(and(eq(segments.workspaceId, params.workspaceId), eq(segments.segmentationId, segmentation.id)))
    .orderBy(asc(segments.position));
  return { segmentation, segments: rows };
}

function segmentWithPersonaQuery(db: Database, workspaceId: string, where: SQL | undefined) {
  return db
    .select({ segment: { ...segmentColumns, segmentationId: segments.segmentationId }, segmentation: segmentationColumns, persona: personaColumns })
    .from(segments)
    .innerJoin(segmentations, and(eq(segmentations.id, segments.segmentationId), eq(segmentations.workspaceId, workspaceId)))
    .leftJoin(personas, and(eq(personas.segmentId, segments.id), eq(personas.workspaceId, workspaceId)))
    .where(and(eq(segments.workspaceId, workspaceId), where));
}

export type SegmentWithPersona = NonNullable<Awaited<ReturnType<typeof findSegmentWithPersona>>>;

/** A segment with its segmentation (variables, total means) and its persona (null when none is written yet). */
export async function findSegmentWithPersona(db: Database, params: { workspaceId: string; segmentId: string; studyId?: string }) {
  if (!isUuid(params.segmentId) || (params.studyId !== undefined && !isUuid(params.studyId))) return undefined;
  const [row] = await segmentWithPersonaQuery(
    db,
    params.workspaceId,
    and(eq(segments.id, params.segmentId), params.studyId ? eq(segmentations.studyId, params.studyId) : undefined),
  );
  return row;
}

/** A persona by its id with its segment and segmentation; `publishedOnly` hides drafts (viewers). */
export async function findPersona(db: Database, params: { workspaceId: string; personaId: string; publishedOnly?: boolean }) {
  if (!isUuid(params.personaId)) return undefined;
  const [row] = await segmentWithPersonaQuery(db, params.workspaceId, and(eq(personas.id, params.personaId), publishedOnly(params.publishedOnly)));
  return row?.persona ? { ...row, persona: row.persona } : undefined;
}

/** The study's personas across its segmentations (newest segmentation first, then by segment position). */
export async function listPersonasOfStudy(db: Database, params: { workspaceId: string; studyId: string; publishedOnly?: boolean }) {
  if (!isUuid(params.studyId)) return [];
  return db
    .select({
      ...personaColumns,
      segmentId: segments.id,
      segmentName: segments.name,
      segmentSize: segments.size,
      segmentationId: segmentations.id,
      segmentationName: segmentations.name,
      respondentCount: segmentations.respondentCount,
    })
    .from(personas)
    .innerJoin(segments, and(eq(segments.id, personas.segmentId), eq(segments.workspaceId, params.workspaceId)))
    .innerJoin(segmentations, and(eq(segmentations.id, segments.segmentationId), eq(segmentations.workspaceId, params.workspaceId)))
    .where(and(eq(personas.workspaceId, params.workspaceId), eq(segmentations.studyId, params.studyId), publishedOnly(params.publishedOnly)))
    .orderBy(desc(segmentations.createdAt), asc(segments.position));
}

/**
 * Locks the segment's segmentation siblings (FOR UPDATE) inside a transaction, so two people
 * renaming segments of one segmentation at once cannot both take the same name.
 */
export async function lockSegmentForRename(db: Database, params: { workspaceId: string; segmentId: string }) {
  if (!isUuid(params.segmentId)) return undefined;
  const [segment] = await db
    .select({ id: segments.id, name: segments.name, segmentationId: segments.segmentationId })
    .from(segments)
    .where(and(eq(segments.workspaceId, params.workspaceId), eq(segments.id, params.segmentId)))
    .for("update");
  if (!segment) return undefined;
  const others = await db
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .where(and(eq(segments.workspaceId, params.workspaceId), eq(segments.segmentationId, segment.segmentationId), ne(segments.id, segment.id)))
    .for("update");
  return { segment, otherNames: others.map((other) => other.name) };
}

export async function updateSegmentName(db: Database, params: { workspaceId: string; segmentId: string; name: string }) {
  const [row] = await db
    .update(segments)
    .set({ name: params.name })
    .where(and(eq(segments.workspaceId, params.workspaceId), eq(segments.id, params.segmentId)))
    .returning({ id: segments.id, name: segments.name });
  return row;
}

/** One persona per segment: inserts it, or overwrites the segment's existing one in the same workspace. */
export async function upsertPersona(
  db: Database,
  params: {
    workspaceId: string;
    segmentId: string;
    updatedBy: string | undefined;
    values: { name: string; summary: string; goals: string[]; pains: string[]; actions: PersonaAction[]; status: PersonaStatus };
  },
) {
  const values = { ...params.values, updatedBy: params.updatedBy ?? null };
  const [row] = await db
    .insert(personas)
    .values({ workspaceId: params.workspaceId, segmentId: params.segmentId, ...values })
    .onConflictDoUpdate({
      target: personas.segmentId,
      set: { ...values, updatedAt: sql`now()` },
      // Never overwrite a row of another workspace, whatever ids reach this function.
      setWhere: eq(personas.workspaceId, params.workspaceId),
    })
    .returning({ ...personaColumns, segmentId: personas.segmentId });
  return row;
}
