import { z } from "zod";
import type { SurveyDefinition } from "./definition";

/** Answers keyed by question id: a code for single choice, row id → code for a battery. */
export type Answers = Record<string, number | Record<string, number>>;

export const ANSWER_REQUIRED = "An answer is required";

function codeSchema(codes: readonly number[], what: string) {
  return z
    .number({ error: (issue) => (issue.input === undefined ? ANSWER_REQUIRED : "Answer with a numeric code") })
    .int("Answer with a numeric code")
    .refine((value) => codes.includes(value), { message: `Not ${what} (allowed codes: ${codes.join(", ")})` });
}

/**
 * Builds the zod schema that every submission must pass, from the published definition:
 * the respondent page validates with it and the server re-validates with the same one.
 * Unknown question or statement ids, codes off the scale and missing required answers all fail.
 */
export function answersSchema(definition: SurveyDefinition) {
  const shape: Record<string, z.ZodType> = {};
  for (const question of definition.questions) {
    if (question.type === "single_choice") {
      const code = codeSchema(question.options.map((o) => o.code), "one of the options");
      shape[question.id] = question.required ? code : code.optional();
    } else {
      const code = codeSchema(question.scale.map((o) => o.code), "a point on the scale");
      const rows: Record<string, z.ZodType> = {};
      for (const row of question.rows) rows[row.id] = question.required ? code : code.optional();
      const battery = z.object(rows, { error: (issue) => (issue.input === undefined ? ANSWER_REQUIRED : "Answer with statement ids and codes") }).strict();
      shape[question.id] = question.required ? battery : battery.optional();
    }
  }
  return z.object(shape).strict();
}
