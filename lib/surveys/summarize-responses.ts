import type { Database } from "@/db/client";
import { batteryStatementMeans, choiceCounts } from "@/db/queries/responses";
import { findSurvey } from "@/db/queries/surveys";
import { AppError } from "@/lib/errors";
import { localized, type SurveyDefinition } from "./definition";

export type BatterySummary = {
  id: string;
  type: "likert_battery";
  text: string;
  scaleMin: number;
  scaleMax: number;
  rows: { id: string; text: string; mean: number | null; n: number }[];
};
export type ChoiceSummary = {
  id: string;
  type: "single_choice";
  text: string;
  answered: number;
  options: { id: string; code: number; label: string; n: number; share: number }[];
};
export type SurveySummary = { responseCount: number; questions: (BatterySummary | ChoiceSummary)[] };

/**
 * Per-question results of a survey's complete responses, aggregated in the database (jsonb
 * operators, GROUP BY), laid out along the current version and labelled in the wanted language.
 */
export async function summarizeResponses(db: Database, params: { workspaceId: string; surveyId: string; language: string }): Promise<SurveySummary> {
  const survey = await findSurvey(db, params);
  if (!survey) throw new AppError("not_found", "Survey not found.");
  const definition: SurveyDefinition = survey.publishedDefinition ?? survey.definition;
  const ids = (type: string) => definition.questions.filter((q) => q.type === type).map((q) => q.id);
  const scope = { workspaceId: params.workspaceId, surveyId: survey.id };
  const [means, counts] = await Promise.all([
    batteryStatementMeans(db, { ...scope, questionIds: ids("likert_battery") }),
    choiceCounts(db, { ...scope, questionIds: ids("single_choice") }),
  ]);
  const text = (value: Parameters<typeof localized>[0]) => localized(value, params.language, definition.defaultLanguage);

  const questions = definition.questions.map((question): BatterySummary | ChoiceSummary => {
    if (question.type === "likert_battery") {
      const codes = question.scale.map((o) => o.code);
      return {
        id: question.id,
        type: question.type,
        text: text(question.text),
        scaleMin: Math.min(...codes),
        scaleMax: Math.max(...codes),
        rows: question.rows.map((row) => {
          const found = means.find((m) => m.questionId === question.id && m.rowId === row.id);
          return { id: row.id, text: text(row.text), mean: found ? found.mean : null, n: found?.n ?? 0 };
        }),
      };
    }
    const mine = counts.filter((c) => c.questionId === question.id);
    const answered = mine.reduce((sum, c) => sum + c.n, 0);
    return {
      id: question.id,
      type: question.type,
      text: text(question.text),
      answered,
      options: question.options.map((option) => {
        const n = mine.find((c) => c.code === option.code)?.n ?? 0;
        return { id: option.id, code: option.code, label: text(option.label), n, share: answered ? n / answered : 0 };
      }),
    };
  });
  return { responseCount: survey.responseCount, questions };
}
