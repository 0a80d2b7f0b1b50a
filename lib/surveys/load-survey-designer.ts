import type { Database } from "@/db/client";
import { findSurvey, listVersionDefinitions } from "@/db/queries/surveys";
import { collectReservedIds } from "./ids";

/** A survey's draft plus every id and code its versions ever used, so the designer never reuses one. */
export async function loadSurveyDesigner(db: Database, params: { workspaceId: string; surveyId: string }) {
  const survey = await findSurvey(db, params);
  if (!survey) return undefined;
  const versions = await listVersionDefinitions(db, params);
  return { survey, reserved: collectReservedIds([survey.definition, ...versions.map((v) => v.definition)]) };
}
