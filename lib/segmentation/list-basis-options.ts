import type { Database } from "@/db/client";
import { listAnalysableSurveys } from "@/db/queries/segmentations";
import { listBatteryQuestions, loadBatteryAnswers } from "@/lib/surveys/battery-matrix";
import { recommendedMinimumSample } from "./build-basis-matrix";

export type BatteryOption = {
  id: string;
  label: string;
  statementCount: number;
  /** Complete responses that answered every statement: the n k-means would run on. */
  usableResponses: number;
  recommendedMinimum: number;
};

export type SurveyBasisOption = { id: string; title: string; batteries: BatteryOption[] };

/** What the run form offers: each analysable survey of the study and its Likert batteries with usable n. */
export async function listBasisOptions(db: Database, params: { workspaceId: string; studyId: string }): Promise<SurveyBasisOption[]> {
  const surveys = await listAnalysableSurveys(db, params);
  return Promise.all(
    surveys.map(async (survey) => ({
      id: survey.id,
      title: survey.title,
      batteries: await Promise.all(
        listBatteryQuestions(survey.definition).map(async (question) => {
          // The same loader the run uses, so the count shown is exactly the n of the run.
          const answers = await loadBatteryAnswers(db, { workspaceId: params.workspaceId, surveyId: survey.id, questionId: question.id });
          return {
            id: question.id,
            label: question.text,
            statementCount: question.rows.length,
            usableResponses: answers.responseIds.length,
            recommendedMinimum: recommendedMinimumSample(question.rows.length),
          };
        }),
      ),
    })),
  );
}
