import { z } from "zod";
import type { SurveyDefinition } from "./definition";
import { answerSchemaOf } from "./answer-schemas";
import type { MaxDiffStoredAnswer } from "./maxdiff-question";

/** "Other, please specify": the chosen codes and, when the other option is chosen, its text. */
export type ChoiceSetAnswer = { codes: number[]; other?: string };

/**
 * Answers keyed by question id, language-independent: a code (single choice, Likert item), a
 * number (rating, NPS, numeric), plain text (open text), row id → code (battery), item id →
 * points (constant sum), item ids in rank order (ranking) or a ChoiceSetAnswer (multiple choice).
 */
export type AnswerValue = number | string | string[] | Record<string, number> | ChoiceSetAnswer | MaxDiffStoredAnswer;
export type Answers = Record<string, AnswerValue>;

export { ANSWER_REQUIRED } from "./answer-schemas";

/**
 * Builds the zod schema that every submission must pass, from the published definition:
 * the respondent page validates with it and the server re-validates with the same one.
 * Unknown question or statement ids, values off the scale and missing required answers all fail.
 */
export function answersSchema(definition: SurveyDefinition) {
  const shape: Record<string, z.ZodType> = {};
  for (const question of definition.questions) shape[question.id] = answerSchemaOf(question);
  return z.object(shape).strict();
}
