import type { Database } from "@/db/client";
import { AppError } from "@/lib/errors";
import { loadPublicSurvey } from "./load-public-survey";
import { maxDiffVersionForKey } from "./maxdiff";
import { maxDiffSetsOf, type MaxDiffQuestion } from "./maxdiff-question";

export type PublicMaxDiffDesign = {
  questionId: string;
  /** sets[version][set] = item ids in display order. */
  sets: string[][][];
  /** The version the survey page would show for the given submission key. */
  version?: number;
};

/**
 * The MaxDiff designs of a survey's published version, for custom front ends: they show a
 * respondent the sets of one version and submit { version, choices } against it.
 */
export async function loadPublicMaxDiffDesigns(db: Database, params: { publicId: string; submissionKey?: string }): Promise<{ surveyVersion: number; questions: PublicMaxDiffDesign[] }> {
  const survey = await loadPublicSurvey(db, params);
  if (!survey) throw new AppError("not_found", "This survey does not exist.");
  const questions = survey.definition.questions.filter((q): q is MaxDiffQuestion => q.type === "maxdiff");
  return {
    surveyVersion: survey.version,
    questions: questions.map((question) => {
      const sets = maxDiffSetsOf(question);
      return { questionId: question.id, sets, ...(params.submissionKey ? { version: maxDiffVersionForKey(params.submissionKey, sets.length) } : {}) };
    }),
  };
}
