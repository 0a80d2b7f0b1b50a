import { and, asc, desc, eq, max, sql } from "drizzle-orm";
import type { Database } from "../client";
import { responses, surveys, surveyVersions } from "../schema";
import { isUuid } from "@/lib/ids";
import { AppError } from "@/lib/errors";
import { localized, type SurveyDefinition } from "@/lib/surveys/definition";
import { selectBatteryAnswerRows } from "./responses";

const surveyColumns = {
  id: surveys.id,
  studyId: surveys.studyId,
  title: surveys.title,
  status: surveys.status,
  publicId: surveys.publicId,
  currentVersionId: surveys.currentVersionId,
  createdAt: surveys.createdAt,
  updatedAt: surveys.updatedAt,
};

const completeResponseCount = sql<number>`(select count(*) from ${responses} where ${responses.surveyId} = ${surveys.id} and ${responses.workspaceId} = ${surveys.workspaceId} and ${responses.status} = 'complete')`.mapWith(Number);

/** The study's surveys for the Survey tab, newest first, with their complete-response counts. */
export async function listSurveysForStudy(db: Database, params: { workspaceId: string; studyId: string }) {
  if (!isUuid(params.studyId)) return [];
  return db
    .select({ ...surveyColumns, currentVersion: surveyVersions.version, responseCount: completeResponseCount })
    .from(surveys)
    .leftJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(and(eq(surveys.workspaceId, params.workspaceId), eq(surveys.studyId, params.studyId)))
    .orderBy(desc(surveys.createdAt));
}

/** One survey with its draft, its current version and whether the draft differs from it. */
export async function findSurvey(db: Database, params: { workspaceId: string; surveyId: string }) {
  if (!isUuid(params.surveyId)) return undefined;
  const [row] = await db
    .select({
      ...surveyColumns,
      definition: surveys.definition,
      currentVersion: surveyVersions.version,
      publishedDefinition: surveyVersions.definition,
      publishedAt: surveyVersions.publishedAt,
      // jsonb equality ignores key order, so an unchanged draft compares equal to its version.
      hasUnpublishedChanges: sql<boolean>`(${surveyVersions.definition} is null or ${surveys.definition} <> ${surveyVersions.definition})`,
      responseCount: completeResponseCount,
    })
    .from(surveys)
    .leftJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(and(eq(surveys.workspaceId, params.workspaceId), eq(surveys.id, params.surveyId)));
  return row;
}

export async function insertSurvey(
  db: Database,
  params: { workspaceId: string; studyId: string; title: string; definition: SurveyDefinition; publicId: string },
) {
  const [row] = await db.insert(surveys).values(params).returning(surveyColumns);
  return row!;
}

export async function updateSurveyDraftRow(db: Database, params: { workspaceId: string; surveyId: string; title: string; definition: SurveyDefinition }) {
  if (!isUuid(params.surveyId)) return undefined;
  const [row] = await db
    .update(surveys)
    .set({ title: params.title, definition: params.definition, updatedAt: new Date() })
    .where(and(eq(surveys.workspaceId, params.workspaceId), eq(surveys.id, params.surveyId)))
    .returning(surveyColumns);
  return row;
}

/** Locks the survey row for the rest of the transaction, so two publishes cannot race for a version number. */
export async function lockSurvey(db: Database, params: { workspaceId: string; surveyId: string }) {
  if (!isUuid(params.surveyId)) return undefined;
  const [row] = await db
    .select({
      ...surveyColumns,
      definition: surveys.definition,
      currentVersion: surveyVersions.version,
      draftMatchesCurrent: sql<boolean>`coalesce(${surveys.definition} = ${surveyVersions.definition}, false)` })
    .from(surveys)
    .leftJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(and(eq(surveys.workspaceId, params.workspaceId), eq(surveys.id, params.surveyId)))
    .for("update", { of: surveys });
  return row;
}

export async function listVersionDefinitions(db: Database, params: { workspaceId: string; surveyId: string }) {
  return db
    .select({ id: surveyVersions.id, version: surveyVersions.version, definition: surveyVersions.definition })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.workspaceId, params.workspaceId), eq(surveyVersions.surveyId, params.surveyId)))
    .orderBy(asc(surveyVersions.version));
}

export async function latestVersionNumber(db: Database, params: { workspaceId: string; surveyId: string }): Promise<number> {
  const [row] = await db
    .select({ latest: max(surveyVersions.version) })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.workspaceId, params.workspaceId), eq(surveyVersions.surveyId, params.surveyId)));
  return row?.latest ?? 0;
}

export async function insertSurveyVersion(db: Database, params: { workspaceId: string; surveyId: string; version: number; definition: SurveyDefinition }) {
  const [row] = await db
    .insert(surveyVersions)
    .values(params)
    .returning({ id: surveyVersions.id, version: surveyVersions.version, publishedAt: surveyVersions.publishedAt });
  return row!;
}

export async function setSurveyStatus(
  db: Database,
  params: { workspaceId: string; surveyId: string; status: "published" | "closed"; currentVersionId?: string },
) {
  const [row] = await db
    .update(surveys)
    .set({ status: params.status, updatedAt: new Date(), ...(params.currentVersionId ? { currentVersionId: params.currentVersionId } : {}) })
    .where(and(eq(surveys.workspaceId, params.workspaceId), eq(surveys.id, params.surveyId)))
    .returning(surveyColumns);
  return row;
}

/** For the public respondent page and submissions: no workspace is known yet, the random public id is the key. */
export async function findPublicSurvey(db: Database, params: { publicId: string }) {
  const [row] = await db
    .select({
      id: surveys.id,
      workspaceId: surveys.workspaceId,
      status: surveys.status,
      publicId: surveys.publicId,
      versionId: surveyVersions.id,
      version: surveyVersions.version,
      definition: surveyVersions.definition,
    })
    .from(surveys)
    .innerJoin(surveyVersions, and(eq(surveyVersions.id, surveys.currentVersionId), eq(surveyVersions.workspaceId, surveys.workspaceId)))
    .where(eq(surveys.publicId, params.publicId));
  return row;
}

/**
 * What the submit path needs of a public survey in one round trip: status, current version id and
 * the distribution limits, but not the definition (versions are immutable, so callers cache it by
 * version id and read it with findSurveyVersionDefinition only on a cache miss).
 */
export async function findPublicSurveyForSubmit(db: Database, params: { publicId: string }) {
  const [row] = await db
    .select({
      id: surveys.id,
      workspaceId: surveys.workspaceId,
      status: surveys.status,
      versionId: surveys.currentVersionId,
      closeAt: surveys.closeAt,
      responseLimit: surveys.responseLimit,
      quotas: surveys.quotas,
      personalLinkDays: surveys.personalLinkDays,
    })
    .from(surveys)
    .where(eq(surveys.publicId, params.publicId));
  return row?.versionId ? { ...row, versionId: row.versionId } : undefined;
}

export async function findSurveyVersionDefinition(db: Database, params: { workspaceId: string; versionId: string }) {
  const [row] = await db
    .select({ definition: surveyVersions.definition })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.workspaceId, params.workspaceId), eq(surveyVersions.id, params.versionId)));
  return row?.definition;
}

export type BatteryAnswers = { responseIds: string[]; rowIds: string[]; rowLabels: string[]; values: number[][] };

/**
 * The answers to one Likert battery as a matrix (one row per complete response that answered
 * every statement, one column per statement of the current version), for segmentation.
 * Throws not_found when the survey is not in the workspace or has no such battery.
 */
export async function loadBatteryAnswers(
  db: Database,
  params: { workspaceId: string; surveyId: string; questionId: string; excludeFlagged?: boolean },
): Promise<BatteryAnswers> {
  const survey = await findSurvey(db, params);
  const definition: SurveyDefinition | undefined = survey ? (survey.publishedDefinition ?? survey.definition) : undefined;
  const question = definition?.questions.find((q) => q.id === params.questionId);
  if (!definition || !question || question.type !== "likert_battery") throw new AppError("not_found", "No Likert battery with this id in the survey.");
  const rowIds = question.rows.map((row) => row.id);
  const rowLabels = question.rows.map((row) => localized(row.text, definition.defaultLanguage, definition.defaultLanguage) || row.id);
  const rows = await selectBatteryAnswerRows(db, { workspaceId: params.workspaceId, surveyId: survey!.id, questionId: question.id, rowIds, excludeFlagged: params.excludeFlagged });
  const responseIds: string[] = [];
  const values: number[][] = [];
  for (const row of rows) {
    const vector = rowIds.map((id) => row.battery?.[id]);
    if (vector.every((value): value is number => typeof value === "number" && Number.isFinite(value))) {
      responseIds.push(row.id);
      values.push(vector);
    }
  }
  return { responseIds, rowIds, rowLabels, values };
}
