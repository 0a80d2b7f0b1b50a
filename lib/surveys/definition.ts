import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/**
 * A survey definition: questions and options carry stable ids and numeric codes,
 * texts are per language, and answers refer only to ids and codes.
 */

const ZId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "Ids start with a letter and use a–z, 0–9 and _ (max 40 characters)");

export const ZLocalizedText = z
  .object({ en: z.string().max(2000).optional(), fi: z.string().max(2000).optional(), sv: z.string().max(2000).optional() })
  .strict();
export type LocalizedText = z.infer<typeof ZLocalizedText>;

export const ZOption = z.object({
  id: ZId,
  code: z.number().int().min(-1000).max(1000),
  label: ZLocalizedText,
});
export type SurveyOption = z.infer<typeof ZOption>;

const ZBatteryRow = z.object({ id: ZId, text: ZLocalizedText });

export const ZLikertBatteryQuestion = z.object({
  id: ZId,
  type: z.literal("likert_battery"),
  text: ZLocalizedText,
  required: z.boolean().default(true),
  scale: z.array(ZOption).min(2).max(11),
  rows: z.array(ZBatteryRow).min(1).max(60),
});

export const ZSingleChoiceQuestion = z.object({
  id: ZId,
  type: z.literal("single_choice"),
  text: ZLocalizedText,
  required: z.boolean().default(true),
  options: z.array(ZOption).min(2).max(100),
});

export const ZQuestion = z.discriminatedUnion("type", [ZLikertBatteryQuestion, ZSingleChoiceQuestion]);
export type Question = z.infer<typeof ZQuestion>;
export type LikertBatteryQuestion = z.infer<typeof ZLikertBatteryQuestion>;
export type SingleChoiceQuestion = z.infer<typeof ZSingleChoiceQuestion>;

function duplicates(values: readonly (string | number)[]): (string | number)[] {
  const seen = new Set<string | number>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

export const ZSurveyDefinition = z
  .object({
    schemaVersion: z.literal(1).default(1),
    languages: z.array(z.enum(LOCALES)).min(1),
    defaultLanguage: z.enum(LOCALES),
    title: ZLocalizedText,
    intro: ZLocalizedText.optional(),
    thankYou: ZLocalizedText.optional(),
    questions: z.array(ZQuestion).min(1).max(300),
  })
  .superRefine((definition, ctx) => {
    if (!definition.languages.includes(definition.defaultLanguage)) {
      ctx.addIssue({ code: "custom", path: ["defaultLanguage"], message: "The default language must be one of the survey's languages" });
    }
    if (!definition.title[definition.defaultLanguage]?.trim()) {
      ctx.addIssue({ code: "custom", path: ["title"], message: "The survey needs a title in its default language" });
    }
    for (const id of duplicates(definition.questions.map((q) => q.id))) {
      ctx.addIssue({ code: "custom", path: ["questions"], message: `Question id "${id}" is used twice` });
    }
    definition.questions.forEach((question, index) => {
      if (!question.text[definition.defaultLanguage]?.trim()) {
        ctx.addIssue({ code: "custom", path: ["questions", index, "text"], message: "Question text is required in the default language" });
      }
      const options = question.type === "likert_battery" ? question.scale : question.options;
      for (const id of duplicates(options.map((o) => o.id))) {
        ctx.addIssue({ code: "custom", path: ["questions", index], message: `Option id "${id}" is used twice` });
      }
      for (const code of duplicates(options.map((o) => o.code))) {
        ctx.addIssue({ code: "custom", path: ["questions", index], message: `Option code ${code} is used twice` });
      }
      if (question.type === "likert_battery") {
        for (const id of duplicates(question.rows.map((r) => r.id))) {
          ctx.addIssue({ code: "custom", path: ["questions", index], message: `Statement id "${id}" is used twice` });
        }
      }
    });
  });
export type SurveyDefinition = z.infer<typeof ZSurveyDefinition>;

/** Picks the text in the wanted language, falling back to the survey's default language. */
export function localized(text: LocalizedText | undefined, language: string, fallback: string): string {
  if (!text) return "";
  return (text as Record<string, string | undefined>)[language] || (text as Record<string, string | undefined>)[fallback] || "";
}
