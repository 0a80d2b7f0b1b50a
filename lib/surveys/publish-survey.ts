import type { Database } from "@/db/client";
import { insertSurveyVersion, latestVersionNumber, listVersionDefinitions, lockSurvey, setSurveyStatus } from "@/db/queries/surveys";
import { AppError } from "@/lib/errors";
import { ZSurveyDefinition } from "./definition";
import { versionConflicts } from "./version-compatibility";

/**
 * Freezes the draft into a new immutable version (1, 2, …) and opens the survey. When the draft
 * equals the current version (re-opening a closed survey), no new version is made.
 */
export async function publishSurvey(db: Database, params: { workspaceId: string; surveyId: string }) {
  return db.transaction(async (tx) => {
    const survey = await lockSurvey(tx, params);
    if (!survey) throw new AppError("not_found", "Survey not found.");
    if (survey.draftMatchesCurrent && survey.currentVersionId && survey.currentVersion) {
      await setSurveyStatus(tx, { ...params, status: "published" });
      return { surveyId: survey.id, publicId: survey.publicId, versionId: survey.currentVersionId, version: survey.currentVersion, created: false };
    }
    // The stored draft is checked again: it may predate a stricter schema.
    const parsed = ZSurveyDefinition.safeParse(survey.definition);
    if (!parsed.success) throw new AppError("invalid", "The draft is not complete yet; open the designer and save it again.");
    const published = await listVersionDefinitions(tx, params);
    const conflicts = versionConflicts(parsed.data, published.map((v) => v.definition));
    if (Object.keys(conflicts).length) throw new AppError("invalid", Object.values(conflicts)[0]![0]!, conflicts);
    const version = await insertSurveyVersion(tx, {
      ...params,
      version: (await latestVersionNumber(tx, params)) + 1,
      definition: parsed.data,
    });
    await setSurveyStatus(tx, { ...params, status: "published", currentVersionId: version.id });
    return { surveyId: survey.id, publicId: survey.publicId, versionId: version.id, version: version.version, created: true };
  });
}
