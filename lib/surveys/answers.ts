import { z } from "zod";
import type { SurveyDefinition } from "./definition";

/** Answers keyed by question id: a code for single choice, row id → code for a battery. */
export type Answers = Record<string, number | Record<string, number>>;

/**
 * Builds the zod schema that every submission must pass, from the published definition:
 * the respondent page validates with it and the server re-validates with the same one.
 */
export function answersSchema(definition: SurveyDefinition) {
  const shape: Record<string, z.ZodType> = {};
  for (const question of definition.questions) {
    if (question.type === "single_choice") {
      const codes = question.options.map((o) => o.code);
      const code = z.number().int().refine((value) => codes.includes(value), { message: "Choose one of the options" });
      shape[question.id] = question.required ? code : code.optional();
    } else {
      const codes = question.scale.map((o) => o.code);
      const code = z.number().int().refine((value) => codes.includes(value), { message: "Choose a point on the scale" });
      const rows: Record<string, z.ZodType> = {};
      for (const row of question.rows) rows[row.id] = question.required ? code : code.optional();
      const battery = z.object(rows).strict();
      shape[question.id] = question.required ? battery : battery.optional();
    }
  }
  return z.object(shape).strict();
}
