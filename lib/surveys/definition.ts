import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/**
 * A survey definition: questions and options carry stable ids and numeric codes,
 * texts are per language, and answers refer only to ids and codes. The designer form,
 * the server actions and the JSON API all validate with ZSurveyDefinition.
 */

export const ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

const ZId = z.string().regex(ID_PATTERN, "Ids start with a letter and use a–z, 0–9 and _ (max 40 characters)");

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
  code: z.number().int("Codes are whole numbers").min(-1000).max(1000),
  label: ZLocalizedText,
});
export type SurveyOption = z.infer<typeof ZOption>;

const ZBatteryRow = z.object({ id: ZId, text: ZLocalizedText });
export type BatteryRow = z.infer<typeof ZBatteryRow>;

export const ZLikertBatteryQuestion = z.object({
  id: ZId,
  type: z.literal("likert_battery"),
  text: ZLocalizedText,
  required: z.boolean().default(true),
  scale: z.array(ZOption).min(2, "A scale needs at least 2 points").max(11, "A scale has at most 11 points"),
  rows: z.array(ZBatteryRow).min(1, "Add at least one statement").max(60, "A battery has at most 60 statements"),
});

export const ZSingleChoiceQuestion = z.object({
  id: ZId,
  type: z.literal("single_choice"),
  text: ZLocalizedText,
  required: z.boolean().default(true),
  options: z.array(ZOption).min(2, "Add at least two options").max(100, "A question has at most 100 options"),
});

export const QUESTION_TYPES = ["likert_battery", "single_choice"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const ZQuestion = z.discriminatedUnion("type", [ZLikertBatteryQuestion, ZSingleChoiceQuestion], {
  error: `Unknown question type (use one of: ${QUESTION_TYPES.join(", ")})`,
});
export type Question = z.infer<typeof ZQuestion>;
export type LikertBatteryQuestion = z.infer<typeof ZLikertBatteryQuestion>;
export type SingleChoiceQuestion = z.infer<typeof ZSingleChoiceQuestion>;

function duplicates<T extends string | number>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

export const ZSurveyDefinition = z
  .object({
    schemaVersion: z.literal(1).default(1),
    languages: z.array(z.enum(LOCALES)).min(1, "Choose at least one language"),
    defaultLanguage: z.enum(LOCALES),
    title: ZLocalizedText,
    intro: ZLocalizedText.optional(),
    thankYou: ZLocalizedText.optional(),
    questions: z.array(ZQuestion).min(1, "Add at least one question").max(300, "A survey has at most 300 questions"),
  })
  .superRefine((definition, ctx) => {
    const lang = definition.defaultLanguage;
    // Paths end in the language, so the form shows each message next to the field that needs text.
    const needsText = (text: LocalizedText, path: (string | number)[], message: string) => {
      if (!text[lang]) ctx.addIssue({ code: "custom", path: [...path, lang], message });
    };
    if (!definition.languages.includes(lang)) {
      ctx.addIssue({ code: "custom", path: ["defaultLanguage"], message: "The default language must be one of the survey's languages" });
    }
    if (duplicates(definition.languages).length) ctx.addIssue({ code: "custom", path: ["languages"], message: "A language is listed twice" });
    needsText(definition.title, ["title"], "The survey needs a title in its default language");
    for (const id of duplicates(definition.questions.map((q) => q.id))) {
      ctx.addIssue({ code: "custom", path: ["questions"], message: `Question id "${id}" is used twice` });
    }
    definition.questions.forEach((question, index) => {
      const at = ["questions", index];
      needsText(question.text, [...at, "text"], "Question text is required in the default language");
      const optionsKey = question.type === "likert_battery" ? "scale" : "options";
      const options = question.type === "likert_battery" ? question.scale : question.options;
      options.forEach((option, i) => needsText(option.label, [...at, optionsKey, i, "label"], "Every option needs a label in the default language"));
      for (const id of duplicates(options.map((o) => o.id))) {
        ctx.addIssue({ code: "custom", path: [...at, optionsKey], message: `Option id "${id}" is used twice` });
      }
      for (const code of duplicates(options.map((o) => o.code))) {
        ctx.addIssue({ code: "custom", path: [...at, optionsKey], message: `Option code ${code} is used twice` });
      }
      if (question.type === "likert_battery") {
        question.rows.forEach((row, i) => needsText(row.text, [...at, "rows", i, "text"], "Every statement needs text in the default language"));
        for (const id of duplicates(question.rows.map((r) => r.id))) {
          ctx.addIssue({ code: "custom", path: [...at, "rows"], message: `Statement id "${id}" is used twice` });
        }
      }
    });
  });
export type SurveyDefinition = z.infer<typeof ZSurveyDefinition>;
/** What a form or an API client sends before defaults and trimming are applied. */
export type SurveyDefinitionInput = z.input<typeof ZSurveyDefinition>;

/** Picks the text in the wanted language, falling back to the survey's default language. */
export function localized(text: LocalizedText | undefined, language: string, fallback: string): string {
  if (!text) return "";
  return (text as Record<string, string | undefined>)[language] || (text as Record<string, string | undefined>)[fallback] || "";
}

/** The plain title stored beside the definition, for lists. */
export function titleOf(definition: SurveyDefinition): string {
  return localized(definition.title, definition.defaultLanguage, definition.defaultLanguage);
}
