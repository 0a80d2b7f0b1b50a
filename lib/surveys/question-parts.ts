import type { LocalizedText, Question, SurveyOption } from "./definition";

/**
 * The labelled lists inside a question, named by the definition field that holds them, so that
 * validation, reserved ids and summaries can treat every type alike.
 */
export type OptionList = { key: "scale" | "options" | "items" | "other"; entries: SurveyOption[] };

/** Options, scale points and items: each has an id, a code and a label. "Other" is one more option. */
export function optionListsOf(question: Question): OptionList[] {
  switch (question.type) {
    case "likert_battery":
    case "likert_item":
      return [{ key: "scale", entries: question.scale }];
    case "single_choice":
      return [{ key: "options", entries: question.options }];
    case "multiple_choice":
      return [{ key: "options", entries: question.options }, ...(question.other ? [{ key: "other" as const, entries: [question.other] }] : [])];
    case "ranking":
    case "constant_sum":
    case "maxdiff":
      return [{ key: "items", entries: question.items }];
    default:
      return [];
  }
}

/** Every option-like entry of a question, in order ("other" last). */
export function optionsOf(question: Question): SurveyOption[] {
  return optionListsOf(question).flatMap((list) => list.entries);
}

/** Statements of a battery (id + text); other types have none. */
export function rowsOf(question: Question): { id: string; text: LocalizedText }[] {
  return question.type === "likert_battery" ? question.rows : [];
}
