import type { Database } from "@/db/client";
import { refreshSpeederFlags } from "@/db/queries/response-list";
import { findAnalysableSurvey } from "@/db/queries/segmentations";
import { AppError } from "@/lib/errors";
import { listBatteryQuestions, loadBatteryAnswers } from "@/lib/surveys/battery-matrix";
import { buildBasisMatrix, type BasisMatrix } from "./build-basis-matrix";

export type SegmentationBasis = {
  survey: { id: string; title: string };
  question: { id: string; label: string };
  /** Undefined when no complete response answered every statement. */
  basis: BasisMatrix | undefined;
};

/**
 * The basis variables of a run: a Likert battery of a published survey in this study, and the
 * complete responses that answered all its statements. Unknown ids are field errors, so the form
 * can show them next to the right select.
 */
export async function loadSegmentationBasis(
  db: Database,
  params: { workspaceId: string; studyId: string; surveyId: string; questionId: string; excludeFlagged?: boolean },
): Promise<SegmentationBasis> {
  const survey = await findAnalysableSurvey(db, params);
  if (!survey) {
    throw new AppError("invalid", "Choose a published survey of this study.", { surveyId: ["No published survey with this id in this study"] });
  }
  const question = listBatteryQuestions(survey.definition).find((candidate) => candidate.id === params.questionId);
  if (!question) {
    throw new AppError("invalid", "Choose a Likert battery of the survey.", {
      questionId: ["The survey has no Likert battery with this id"],
    });
  }
  // Speeder flags follow the median, so bring them up to date before leaving flagged responses out.
  if (params.excludeFlagged) await refreshSpeederFlags(db, { workspaceId: params.workspaceId, surveyId: survey.id });
  const answers = await loadBatteryAnswers(db, { workspaceId: params.workspaceId, surveyId: survey.id, questionId: question.id, excludeFlagged: params.excludeFlagged });
  return {
    survey: { id: survey.id, title: survey.title },
    question: { id: question.id, label: question.text },
    basis: answers.responseIds.length > 0 ? buildBasisMatrix(question.id, answers) : undefined,
  };
}
