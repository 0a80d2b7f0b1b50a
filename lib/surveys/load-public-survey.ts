import type { Database } from "@/db/client";
import { findPublicSurvey } from "@/db/queries/surveys";
import { PUBLIC_ID_PATTERN } from "./schemas";

/** The published version a respondent sees, or undefined for unknown links and never-published drafts. */
export async function loadPublicSurvey(db: Database, params: { publicId: string }) {
  if (!PUBLIC_ID_PATTERN.test(params.publicId)) return undefined;
  const survey = await findPublicSurvey(db, params);
  if (!survey) return undefined;
  return { publicId: survey.publicId, status: survey.status, version: survey.version, definition: survey.definition };
}
