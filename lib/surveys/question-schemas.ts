import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/**
 * The building blocks of a survey definition: one zod object per question type. Every question,
 * option, statement and item has a stable id; options and items also a numeric code. Answers
 * refer only to those, so texts can be translated and edited without touching the data.
 */

export const ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export const ZId = z.string().regex(ID_PATTERN, "Ids start with a letter and use a–z, 0–9 and _ (max 40 characters)");

const ZText = z.string().max(2000, "Use at most 2000 characters").optional();

/** Texts are trimmed and empty ones dropped, so a blank translation falls back to the default language. */
export const ZLocalizedText = z
  .object({ en: ZText, fi: ZText, sv: ZText })
  .strict()
  .transform((text) => {
    const kept: { en?: string; fi?: string; sv?: string } = {};
    for (const locale of LOCALES) {
      const value = text[locale]?.trim();
      if (value) kept[locale] = value;
    }
    return kept;
  });
export type LocalizedText = z.infer<typeof ZLocalizedText>;

export const ZOption = z.object({
  id: ZId,
  code: z.number({ error: "Enter the code as a whole number" }).int("Codes are whole numbers").min(-1000, "Codes are from -1000 to 1000").max(1000, "Codes are from -1000 to 1000"),
  label: ZLocalizedText,
});
export type SurveyOption = z.infer<typeof ZOption>;

/** Marks a statement or single choice as an attention check ("choose 'Agree' here"): any other code flags the response. */
export const ZAttentionCheck = z.object({ expectedCode: z.number().int("Codes are whole numbers") });
export type AttentionCheck = z.infer<typeof ZAttentionCheck>;

const ZBatteryRow = z.object({ id: ZId, text: ZLocalizedText, attentionCheck: ZAttentionCheck.optional() });
export type BatteryRow = z.infer<typeof ZBatteryRow>;

/**
 * Display logic: show the question only when an earlier choice-like question's answer matches.
 * A blank "question" (the designer's "always show") means no condition.
 */
const ZShowIfCondition = z
  .object({
    questionId: ZId,
    operator: z.enum(["equals", "not_equals", "any_of"], { error: "Choose how to compare the answer" }),
    codes: z.array(z.coerce.number().int("Codes are whole numbers")).min(1, "Choose at least one answer"),
  })
  .superRefine((c, ctx) => {
    if (c.operator !== "any_of" && c.codes.length !== 1) ctx.addIssue({ code: "custom", path: ["codes"], message: "Choose exactly one answer (or use “is any of”)" });
  });
export const ZShowIf = z.preprocess(
  (value) => (typeof value === "object" && value !== null && !(value as { questionId?: unknown }).questionId ? undefined : value),
  ZShowIfCondition.optional(),
);
export type ShowIf = z.infer<typeof ZShowIfCondition>;
/** Randomisation flags arrive as false from the designer's checkboxes; false is stored as absent. */
const ZRandomize = z.preprocess((value) => (value === false ? undefined : value), z.literal(true).optional());

/**
 * Settings of the page (block) that a question starts: shown only if an earlier answer matches,
 * shuffled with the neighbouring pages that are also marked, and its questions shown in a
 * per-respondent order. Kept on the page's first question so pages need no ids of their own;
 * a page without settings stores nothing.
 */
export const ZPageSettings = z
  .object({ showIf: ZShowIf, randomize: ZRandomize, randomizeQuestions: ZRandomize })
  .strict()
  .transform((page) => (page.showIf || page.randomize || page.randomizeQuestions ? page : undefined))
  .optional();
export type PageSettings = NonNullable<z.infer<typeof ZPageSettings>>;

/** The page fields every question type carries (MaxDiff included). */
export const pageFields = {
  /** Starts a new page of the respondent form at this question (ignored on the first question). Unticked is left out, so it is stored only when set. */
  pageBreakBefore: z
    .boolean()
    .transform((value) => value || undefined)
    .optional(),
  page: ZPageSettings,
};

const base = {
  id: ZId,
  text: ZLocalizedText,
  required: z.boolean().default(true),
  showIf: ZShowIf,
  ...pageFields,
};
const ZScale = z.array(ZOption).min(2, "A scale needs at least 2 points").max(11, "A scale has at most 11 points");
const ZChoiceOptions = z.array(ZOption).min(2, "Add at least two options").max(100, "A question has at most 100 options");
const ZItems = z.array(ZOption).min(2, "Add at least two items").max(30, "A question has at most 30 items");
/** Empty number inputs arrive as NaN or null from forms; both mean "not set". */
const optionalNumber = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === null || Number.isNaN(value) ? undefined : value), schema.optional());
const count = (max: number) => z.number({ error: "Enter a whole number" }).int("Enter a whole number").min(0, "Use 0 or more").max(max, `Use at most ${max}`);

export const ZLikertBatteryQuestion = z.object({
  ...base,
  type: z.literal("likert_battery"),
  scale: ZScale,
  rows: z.array(ZBatteryRow).min(1, "Add at least one statement").max(60, "A battery has at most 60 statements"),
  randomizeRows: ZRandomize,
});

export const ZSingleChoiceQuestion = z.object({ ...base, type: z.literal("single_choice"), options: ZChoiceOptions, attentionCheck: ZAttentionCheck.optional(), randomizeOptions: ZRandomize });

export const ZMultipleChoiceQuestion = z
  .object({
    ...base,
    type: z.literal("multiple_choice"),
    options: ZChoiceOptions,
    randomizeOptions: ZRandomize,
    /** "Other, please specify": chosen by its code, with the respondent's text stored beside the codes. */
    other: ZOption.optional(),
    minSelections: optionalNumber(count(100)),
    maxSelections: optionalNumber(count(100).min(1, "Allow at least one selection")),
  })
  .superRefine((q, ctx) => {
    const choices = q.options.length + (q.other ? 1 : 0);
    if (q.maxSelections !== undefined && q.maxSelections > choices) {
      ctx.addIssue({ code: "custom", path: ["maxSelections"], message: `There are only ${choices} options to choose from` });
    }
    if (q.minSelections !== undefined && q.minSelections > (q.maxSelections ?? choices)) {
      ctx.addIssue({ code: "custom", path: ["minSelections"], message: "The minimum is above the maximum" });
    }
  });

export const ZLikertItemQuestion = z.object({ ...base, type: z.literal("likert_item"), scale: ZScale });

export const ZRatingQuestion = z
  .object({
    ...base,
    type: z.literal("rating"),
    min: z.number({ error: "Enter a number" }).int("Use a whole number").min(-100).max(100),
    max: z.number({ error: "Enter a number" }).int("Use a whole number").min(-100).max(100),
    step: z.number({ error: "Enter a number" }).positive("The step must be above 0").max(100).default(1),
    minLabel: ZLocalizedText.optional(),
    maxLabel: ZLocalizedText.optional(),
    display: z.enum(["buttons", "slider"]).default("buttons"),
  })
  .superRefine((q, ctx) => {
    if (q.max <= q.min) ctx.addIssue({ code: "custom", path: ["max"], message: "The maximum must be above the minimum" });
    const points = (q.max - q.min) / q.step;
    if (Math.abs(points - Math.round(points)) > 1e-9) ctx.addIssue({ code: "custom", path: ["step"], message: "The step must divide the range evenly" });
    else if (q.display === "buttons" && points > 20) ctx.addIssue({ code: "custom", path: ["step"], message: "Buttons show at most 21 points; use a slider or a larger step" });
  });

export const ZNpsQuestion = z.object({ ...base, type: z.literal("nps") });

export const ZNumericQuestion = z
  .object({
    ...base,
    type: z.literal("numeric"),
    min: optionalNumber(z.number()),
    max: optionalNumber(z.number()),
    integer: z.boolean().default(true),
  })
  .superRefine((q, ctx) => {
    if (q.min !== undefined && q.max !== undefined && q.max < q.min) ctx.addIssue({ code: "custom", path: ["max"], message: "The maximum is below the minimum" });
  });

export const ZOpenTextQuestion = z.object({
  ...base,
  type: z.literal("open_text"),
  maxLength: z.number({ error: "Enter a whole number" }).int("Enter a whole number").min(1, "Allow at least 1 character").max(10000, "Use at most 10000").default(1000),
  multiline: z.boolean().default(true),
});

export const ZRankingQuestion = z
  .object({ ...base, type: z.literal("ranking"), items: ZItems, randomizeOptions: ZRandomize, topN: optionalNumber(count(30).min(1, "Rank at least one item")) })
  .superRefine((q, ctx) => {
    if (q.topN !== undefined && q.topN > q.items.length) ctx.addIssue({ code: "custom", path: ["topN"], message: `There are only ${q.items.length} items` });
  });

export const ZConstantSumQuestion = z.object({
  ...base,
  type: z.literal("constant_sum"),
  items: ZItems,
  randomizeOptions: ZRandomize,
  total: z.number({ error: "Enter a whole number" }).int("Enter a whole number").min(1, "The total must be at least 1").max(100000).default(100),
});
