import type { Translate } from "@/lib/i18n/translator";
import { answerIssueText } from "@/lib/surveys/answer-messages";
import { ANSWER_REQUIRED, answersSchema, type Answers } from "@/lib/surveys/answers";
import type { SurveyDefinition } from "@/lib/surveys/definition";
import { isBlankAnswer } from "@/lib/surveys/display-logic";

export type PartialAnswersCheck = {
  /** The answered, valid questions (as sent), ready to store as progress. */
  answers: Answers;
  /** Problems with answers that were given, keyed "answers.<question>[.<part>]" like a full submission's. */
  fieldErrors: Record<string, string[]>;
};

/**
 * Checks answers saved mid-survey with the same schema as a complete submission, minus
 * required-ness: a missing answer is fine until the final submit, a wrong one is not. Used by
 * the autosave hook (to send only valid answers) and by the server (to reject anything else).
 * With `t`, messages are worded in its language (the response's).
 */
export function checkPartialAnswers(definition: SurveyDefinition, input: Record<string, unknown>, t?: Translate): PartialAnswersCheck {
  // A half-answered MaxDiff is kept (its answered sets); the final submit requires every set.
  const result = answersSchema(definition, { partial: true }).safeParse(input);
  const fieldErrors: Record<string, string[]> = {};
  const invalid = new Set<string>();
  for (const issue of result.success ? [] : result.error.issues) {
    if (issue.message === ANSWER_REQUIRED) continue;
    // Unknown question ids are reported at the root with the keys listed.
    const keys = issue.path.length === 0 && issue.code === "unrecognized_keys" ? issue.keys : [String(issue.path[0] ?? "")];
    for (const key of keys) {
      invalid.add(key);
      const path = issue.path.length === 0 ? ["answers", key] : ["answers", ...issue.path.map(String)];
      (fieldErrors[path.join(".")] ??= []).push(t ? answerIssueText(issue, t, "original") : issue.message);
    }
  }
  const known = new Set(definition.questions.map((question) => question.id));
  const answers: Answers = {};
  for (const [id, value] of Object.entries(input)) {
    if (known.has(id) && !invalid.has(id) && !isBlankAnswer(value)) answers[id] = value as Answers[string];
  }
  return { answers, fieldErrors };
}
