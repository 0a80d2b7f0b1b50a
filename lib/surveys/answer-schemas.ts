import { z } from "zod";
import { ANSWER_REQUIRED, say, type AnswerMessageKey } from "./answer-messages";
import { maxDiffQuestionAnswerSchema } from "./maxdiff-question";
import type { ConstantSumQuestion, MultipleChoiceQuestion, NumericQuestion, Question, RankingQuestion, RatingQuestion } from "./definition";

export { ANSWER_REQUIRED };
export const OTHER_TEXT_MAX = 500;

const requiredError = (expected: string) => (issue: { input?: unknown }) => (issue.input === undefined ? ANSWER_REQUIRED : expected);

// Every check a respondent can trip says which message it means (lib/surveys/answer-messages.ts), so the page and the server can word it in the respondent's language.
function codeSchema(codes: readonly number[], what: AnswerMessageKey) {
  return z
    .number({ error: requiredError("Answer with a numeric code") })
    .int("Answer with a numeric code")
    .refine((value) => codes.includes(value), say(what, { codes: codes.join(", ") }));
}

/** What a form leaves behind for an unanswered question (NaN, "", [], {}) counts as no answer. */
function blankToUndefined(value: unknown): unknown {
  if (value === null || value === "" || (typeof value === "number" && Number.isNaN(value))) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

function optionalUnless<T extends z.ZodType>(required: boolean, schema: T, isBlank: (value: unknown) => boolean = () => false) {
  return z.preprocess((value) => (isBlank(value) ? undefined : blankToUndefined(value)), required ? schema : schema.optional());
}

function multipleChoice(q: MultipleChoiceQuestion) {
  const codes = q.options.map((o) => o.code);
  const otherCode = q.other?.code;
  const allowed = otherCode === undefined ? codes : [...codes, otherCode];
  const min = Math.max(q.minSelections ?? 0, 1);
  const max = q.maxSelections ?? allowed.length;
  const schema = z
    .object(
      {
        codes: z
          .array(codeSchema(allowed, "notAnOption"))
          .min(1, ANSWER_REQUIRED)
          .refine((chosen) => chosen.length === 0 || chosen.length >= min, say("chooseAtLeast", { min }))
          .refine((chosen) => chosen.length <= max, say("chooseAtMost", { max }))
          .refine((chosen) => new Set(chosen).size === chosen.length, say("chosenTwice")),
        other: z
          .string()
          .refine((text) => text.length <= OTHER_TEXT_MAX, say("tooLong", { max: OTHER_TEXT_MAX }))
          .optional(),
      },
      { error: requiredError("Answer with a list of codes") },
    )
    .strict()
    .superRefine((answer, ctx) => {
      const otherChosen = otherCode !== undefined && answer.codes.includes(otherCode);
      if (otherChosen && !answer.other?.trim()) ctx.addIssue({ code: "custom", path: ["other"], ...say("specifyOther") });
    })
    // The other text is kept only when "other" is chosen, trimmed, and never interpreted.
    .transform(({ codes: chosen, other }) => (otherCode !== undefined && chosen.includes(otherCode) ? { codes: chosen, other: other!.trim() } : { codes: chosen }));
  const blank = (value: unknown) => typeof value === "object" && value !== null && Array.isArray((value as { codes?: unknown }).codes) && (value as { codes: unknown[] }).codes.length === 0;
  return optionalUnless(q.required, schema, blank);
}

function numberSchema() {
  return z.number({ error: requiredError("Enter a number") }).refine(Number.isFinite, say("enterNumber"));
}

function onGrid(value: number, min: number, step: number) {
  const steps = (value - min) / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

function rating(q: RatingQuestion) {
  const schema = numberSchema()
    .refine((v) => v >= q.min && v <= q.max, say("valueRange", { min: q.min, max: q.max }))
    .refine((v) => onGrid(v, q.min, q.step), say("valueStep", { step: q.step }));
  return optionalUnless(q.required, schema);
}

function numeric(q: NumericQuestion) {
  let schema = numberSchema();
  if (q.integer) schema = schema.refine(Number.isInteger, say("wholeNumber"));
  if (q.min !== undefined) schema = schema.refine((v) => v >= q.min!, say("atLeast", { min: q.min }));
  if (q.max !== undefined) schema = schema.refine((v) => v <= q.max!, say("atMost", { max: q.max }));
  return optionalUnless(q.required, schema);
}

function ranking(q: RankingQuestion) {
  const ids = q.items.map((item) => item.id);
  const n = q.topN ?? ids.length;
  const schema = z
    .array(z.string().refine((id) => ids.includes(id), say("rankUnknownItem")), { error: requiredError("Answer with item ids in rank order") })
    .refine((ranked) => ranked.length === n, n === ids.length ? say("rankEvery") : say("rankTop", { n }))
    .refine((ranked) => new Set(ranked).size === ranked.length, say("rankTwice"));
  const blank = (value: unknown) => Array.isArray(value) && value.every((id) => id === "" || id === null || id === undefined);
  return optionalUnless(q.required, schema, blank);
}

function constantSum(q: ConstantSumQuestion) {
  const points = z
    .number({ error: say("pointsWhole").message })
    .refine(Number.isInteger, say("pointsWhole"))
    .refine((v) => v >= 0, say("pointsNegative"))
    .refine((v) => v <= q.total, say("pointsMax", { total: q.total }));
  const shape = Object.fromEntries(q.items.map((item) => [item.id, z.preprocess(blankToUndefined, points.optional())]));
  const schema = z
    .object(shape, { error: requiredError("Answer with item ids and points") })
    .strict()
    // Items left empty get 0, so every stored answer lists every item and sums to the total.
    .transform((given) => Object.fromEntries(q.items.map((item) => [item.id, (given[item.id] as number | undefined) ?? 0])) as Record<string, number>)
    .refine((filled) => Object.values(filled).reduce((sum, v) => sum + v, 0) === q.total, say("pointsSum", { total: q.total }));
  const blank = (value: unknown) =>
    typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => blankToUndefined(v) === undefined);
  return optionalUnless(q.required, schema, blank);
}

/**
 * The answer schema of one question, built from its definition. `partial` is for answers saved
 * mid-way: it lets a MaxDiff keep the sets answered so far (required-ness of whole answers is
 * handled by the caller).
 */
export function answerSchemaOf(question: Question, options: { partial?: boolean } = {}): z.ZodType {
  switch (question.type) {
    case "single_choice":
      return optionalUnless(question.required, codeSchema(question.options.map((o) => o.code), "notAnOption"));
    case "likert_item":
      return optionalUnless(question.required, codeSchema(question.scale.map((o) => o.code), "notOnScale"));
    case "likert_battery": {
      const code = codeSchema(question.scale.map((o) => o.code), "notOnScale");
      const rows: Record<string, z.ZodType> = {};
      for (const row of question.rows) rows[row.id] = question.required ? code : code.optional();
      const battery = z.object(rows, { error: requiredError("Answer with statement ids and codes") }).strict();
      return question.required ? battery : battery.optional();
    }
    case "multiple_choice":
      return multipleChoice(question);
    case "rating":
      return rating(question);
    case "nps":
      return optionalUnless(question.required, codeSchema([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "notAScore"));
    case "numeric":
      return numeric(question);
    case "open_text": {
      const text = z
        .string({ error: requiredError("Answer with text") })
        .refine((value) => value.length <= question.maxLength, say("tooLong", { max: question.maxLength }))
        .transform((value) => value.trim());
      return optionalUnless(question.required, text);
    }
    case "ranking":
      return ranking(question);
    case "constant_sum":
      return constantSum(question);
    case "maxdiff":
      return maxDiffQuestionAnswerSchema(question, options);
  }
}
