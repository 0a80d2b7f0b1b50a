import { localized, type SurveyDefinition } from "./definition";

/**
 * What other areas read from surveys: the Likert batteries of a definition (the candidate basis
 * variables of a segmentation) and, via loadBatteryAnswers, their answers as a respondents ×
 * statements matrix of codes.
 */
export { loadBatteryAnswers, type BatteryAnswers } from "@/db/queries/surveys";

export type BatteryQuestionSummary = { id: string; text: string; rows: { id: string; text: string }[]; scaleCodes: number[] };

export function listBatteryQuestions(definition: SurveyDefinition, language: string = definition.defaultLanguage): BatteryQuestionSummary[] {
  const text = (value: Parameters<typeof localized>[0], fallbackId: string) => localized(value, language, definition.defaultLanguage) || fallbackId;
  return definition.questions.flatMap((question) =>
    question.type === "likert_battery"
      ? [
          {
            id: question.id,
            text: text(question.text, question.id),
            rows: question.rows.map((row) => ({ id: row.id, text: text(row.text, row.id) })),
            scaleCodes: question.scale.map((option) => option.code),
          },
        ]
      : [],
  );
}
