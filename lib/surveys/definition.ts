import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { ZMaxDiffQuestion } from "./maxdiff-question";
import { conditionCodesOf, isConditionSource } from "./display-logic";
import { optionListsOf, rowsOf } from "./question-parts";
import { pagesOf, shuffledRuns } from "./survey-pages";
import {
  ZConstantSumQuestion,
  ZLikertBatteryQuestion,
  ZLikertItemQuestion,
  ZLocalizedText,
  ZMultipleChoiceQuestion,
  ZNpsQuestion,
  ZNumericQuestion,
  ZOpenTextQuestion,
  ZRankingQuestion,
  ZRatingQuestion,
  ZSingleChoiceQuestion,
  type LocalizedText,
  type ShowIf,
} from "./question-schemas";

/**
 * A survey definition: questions and options carry stable ids and numeric codes,
 * texts are per language, and answers refer only to ids and codes. The designer form,
 * the server actions and the JSON API all validate with ZSurveyDefinition.
 */

export { ID_PATTERN, ZLocalizedText, ZOption, type BatteryRow, type LocalizedText, type SurveyOption } from "./question-schemas";

export const QUESTION_TYPES = [
  "likert_battery",
  "single_choice",
  "multiple_choice",
  "likert_item",
  "rating",
  "nps",
  "numeric",
  "open_text",
  "ranking",
  "constant_sum",
  "maxdiff",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const ZQuestion = z.discriminatedUnion(
  "type",
  [
    ZLikertBatteryQuestion,
    ZSingleChoiceQuestion,
    ZMultipleChoiceQuestion,
    ZLikertItemQuestion,
    ZRatingQuestion,
    ZNpsQuestion,
    ZNumericQuestion,
    ZOpenTextQuestion,
    ZRankingQuestion,
    ZConstantSumQuestion,
    ZMaxDiffQuestion,
  ],
  { error: `Unknown question type (use one of: ${QUESTION_TYPES.join(", ")})` },
);
export type Question = z.infer<typeof ZQuestion>;
export type LikertBatteryQuestion = z.infer<typeof ZLikertBatteryQuestion>;
export type SingleChoiceQuestion = z.infer<typeof ZSingleChoiceQuestion>;
export type MultipleChoiceQuestion = z.infer<typeof ZMultipleChoiceQuestion>;
export type LikertItemQuestion = z.infer<typeof ZLikertItemQuestion>;
export type RatingQuestion = z.infer<typeof ZRatingQuestion>;
export type NpsQuestion = z.infer<typeof ZNpsQuestion>;
export type NumericQuestion = z.infer<typeof ZNumericQuestion>;
export type OpenTextQuestion = z.infer<typeof ZOpenTextQuestion>;
export type RankingQuestion = z.infer<typeof ZRankingQuestion>;
export type ConstantSumQuestion = z.infer<typeof ZConstantSumQuestion>;
export type { MaxDiffQuestion } from "./maxdiff-question";
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

/** Whether two questions sit on different pages of one run of shuffled pages. */
function crossesShuffledPages(questions: readonly z.infer<typeof ZQuestion>[], a: number, b: number): boolean {
  const pageIndex: number[] = [];
  const pages = pagesOf(questions);
  pages.forEach((page, p) => page.questions.forEach(() => pageIndex.push(p)));
  const [pa, pb] = [pageIndex[a]!, pageIndex[b]!];
  return pa !== pb && shuffledRuns(pages).some((run) => run.includes(pa) && run.includes(pb));
}

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
    // Each respondent sees the questions in their own order (seeded by the submission key); follow-ups stay after their trigger.
    randomizeQuestions: z.preprocess((value) => (value === false ? undefined : value), z.literal(true).optional()),
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
    // A condition must name an earlier question of a type that has codes, and answers that exist.
    const checkCondition = ({ questionId, codes }: ShowIf, index: number, path: (string | number)[]) => {
      const source = definition.questions.findIndex((q) => q.id === questionId);
      const where = [...path, "questionId"];
      if (source < 0) ctx.addIssue({ code: "custom", path: where, message: `The condition refers to question "${questionId}", which does not exist` });
      else if (source >= index) ctx.addIssue({ code: "custom", path: where, message: "A condition can only refer to an earlier question" });
      else if (!isConditionSource(definition.questions[source]!)) {
        ctx.addIssue({ code: "custom", path: where, message: "A condition can refer to a single choice, multiple choice, Likert item, rating or NPS question" });
      } else if (crossesShuffledPages(definition.questions, source, index)) {
        ctx.addIssue({ code: "custom", path: where, message: "A condition cannot refer to a question on another page shuffled with this one, which the respondent may see later" });
      } else {
        const known = conditionCodesOf(definition.questions[source]!);
        const unknown = codes.filter((code) => !known.includes(code));
        if (unknown.length) ctx.addIssue({ code: "custom", path: [...path, "codes"], message: `Question "${questionId}" has no answer with code ${unknown.join(", ")}` });
      }
    };
    definition.questions.forEach((question, index) => {
      const at = ["questions", index];
      needsText(question.text, [...at, "text"], "Question text is required in the default language");
      const lists = optionListsOf(question);
      for (const list of lists) {
        list.entries.forEach((option, i) => {
          const path = list.key === "other" ? [...at, "other", "label"] : [...at, list.key, i, "label"];
          needsText(option.label, path, "Every option needs a label in the default language");
        });
      }
      // "Other" shares the id and code space of the options it stands beside.
      const all = lists.flatMap((list) => list.entries);
      const listKey = lists[0]?.key ?? "options";
      for (const id of duplicates(all.map((o) => o.id))) {
        ctx.addIssue({ code: "custom", path: [...at, listKey], message: `Option id "${id}" is used twice` });
      }
      for (const code of duplicates(all.map((o) => o.code))) {
        // An edited "other" code is the likely culprit: say so next to its field.
        const onOther = question.type === "multiple_choice" && question.other?.code === code;
        ctx.addIssue({ code: "custom", path: onOther ? [...at, "other", "code"] : [...at, listKey], message: `Option code ${code} is used twice` });
      }
      if (question.showIf) checkCondition(question.showIf, index, [...at, "showIf"]);
      if (question.page) {
        if (index > 0 && !question.pageBreakBefore) {
          ctx.addIssue({ code: "custom", path: [...at, "page"], message: "Page settings belong on the first question of a page: tick “Start a new page here” or clear them" });
        } else if (question.page.showIf) checkCondition(question.page.showIf, index, [...at, "page", "showIf"]);
      }
      const rows = rowsOf(question);
      rows.forEach((row, i) => needsText(row.text, [...at, "rows", i, "text"], "Every statement needs text in the default language"));
      for (const id of duplicates(rows.map((r) => r.id))) {
        ctx.addIssue({ code: "custom", path: [...at, "rows"], message: `Statement id "${id}" is used twice` });
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

/** The language a response is answered in: the one asked for when the survey has it, else the survey's default. */
export function responseLanguage(definition: Pick<SurveyDefinition, "languages" | "defaultLanguage">, requested: string | undefined): SurveyDefinition["defaultLanguage"] {
  const match = definition.languages.find((language) => language === requested);
  return match ?? definition.defaultLanguage;
}
