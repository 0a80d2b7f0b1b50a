import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { studies } from "../schema";
import { isUuid } from "@/lib/ids";

const studyColumns = { id: studies.id, name: studies.name, description: studies.description, createdAt: studies.createdAt };

export async function listStudies(db: Database, params: { workspaceId: string }) {
  return db.select(studyColumns).from(studies).where(eq(studies.workspaceId, params.workspaceId)).orderBy(desc(studies.createdAt));
}

export async function findStudy(db: Database, params: { workspaceId: string; studyId: string }) {
  if (!isUuid(params.studyId)) return undefined;
  const [row] = await db
    .select(studyColumns)
    .from(studies)
    .where(and(eq(studies.workspaceId, params.workspaceId), eq(studies.id, params.studyId)));
  return row;
}

export async function insertStudy(db: Database, params: { workspaceId: string; name: string; description: string }) {
  const [row] = await db.insert(studies).values(params).returning(studyColumns);
  return row!;
}
