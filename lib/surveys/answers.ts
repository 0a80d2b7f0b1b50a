import { z } from "zod";
import type { SurveyDefinition } from "./definition";
import { say } from "./answer-messages";
import { answerSchemaOf } from "./answer-schemas";
import { hasDisplayLogic, isBlankAnswer, visibleQuestionIds } from "./display-logic";
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
const hiddenAnswered = say("hiddenAnswered");
export const HIDDEN_ANSWERED = hiddenAnswered.message;

/**
 * Builds the zod schema that every submission must pass, from the published definition:
 * the respondent page validates with it and the server re-validates with the same one.
 * Unknown question or statement ids, values off the scale and missing required answers all fail.
 * With display logic, a question hidden by the earlier answers is not required and must stay blank.
 * `partial` (autosave) accepts a MaxDiff with only some sets answered.
 */
export function answersSchema(definition: SurveyDefinition, options: { partial?: boolean } = {}) {
  const shape: Record<string, z.ZodType> = {};
  for (const question of definition.questions) shape[question.id] = answerSchemaOf(question, options);
  const all = z.object(shape).strict();
  if (!hasDisplayLogic(definition)) return all;
  return z.record(z.string(), z.unknown(), { error: "Answer with an object keyed by question id" }).transform((input, ctx) => {
    const visible = visibleQuestionIds(definition, input);
    const hiddenShape: Record<string, z.ZodType> = {};
    for (const question of definition.questions) {
      if (visible.has(question.id)) continue;
      // Blank leftovers of the form are dropped; a real answer to a hidden question is an error.
      hiddenShape[question.id] = z.unknown().refine(isBlankAnswer, hiddenAnswered).optional();
    }
    const result = all.extend(hiddenShape).safeParse(input);
    if (result.success) return Object.fromEntries(Object.entries(result.data).filter(([id, value]) => value !== undefined && visible.has(id)));
    for (const issue of result.error.issues) ctx.addIssue(issue as never);
    return z.NEVER;
  });
}
