import type { Database } from "@/db/client";
import { findStudy } from "@/db/queries/studies";
import { insertSurvey } from "@/db/queries/surveys";
import { AppError } from "@/lib/errors";
import { titleOf, ZSurveyDefinition } from "./definition";
import { newPublicId } from "./public-id";

/** A new draft survey in a study; its public id is fixed now, so the link never changes. */
export async function createSurvey(db: Database, params: { workspaceId: string; studyId: string; definition: unknown }) {
  const definition = ZSurveyDefinition.parse(params.definition);
  const study = await findStudy(db, { workspaceId: params.workspaceId, studyId: params.studyId });
  if (!study) throw new AppError("not_found", "Study not found.");
  return insertSurvey(db, {
    workspaceId: params.workspaceId,
    studyId: study.id,
    title: titleOf(definition),
    definition,
    publicId: newPublicId(),
  });
}
