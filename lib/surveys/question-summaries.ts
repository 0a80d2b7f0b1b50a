import type { LocalizedText, Question, QuestionType } from "./definition";
import { optionsOf } from "./question-parts";
import type { MaxDiffSummary } from "./maxdiff-summary";

/**
 * The per-question results shown on a survey's overview page, built from aggregates the
 * database computed (see db/queries/response-summaries.ts) and labelled in the wanted language.
 */

type Base<T extends QuestionType> = { id: string; type: T; text: string };
type Text = (value: LocalizedText | undefined) => string;

export type BatterySummary = Base<"likert_battery"> & {
  scaleMin: number;
  scaleMax: number;
  rows: { id: string; text: string; mean: number | null; n: number }[];
};
export type OptionCount = { id: string; code: number; label: string; n: number; share: number };
/** Single choice, multiple choice (shares of respondents, so they may sum above 100 %) and Likert items (plus the mean). */
export type ChoiceSummary = Base<"single_choice" | "multiple_choice" | "likert_item"> & {
  answered: number;
  mean: number | null;
  options: OptionCount[];
  /** The latest "Other, please specify" texts of a multiple choice, newest first. */
  otherTexts: string[];
};
export type NumberStats = { n: number; mean: number | null; sd: number | null; median: number | null; min: number | null; max: number | null };
export type NumberSummary = Base<"rating" | "numeric"> & NumberStats & { scale?: { min: number; max: number } };
export type NpsSummary = Base<"nps"> & { n: number; promoters: number; passives: number; detractors: number; score: number | null };
export type TextSummary = Base<"open_text"> & { answered: number; latest: string[] };
export type RankingSummary = Base<"ranking"> & { answered: number; ranks: number; items: { id: string; label: string; n: number; meanRank: number | null; first: number }[] };
export type ConstantSumSummary = Base<"constant_sum"> & { answered: number; total: number; items: { id: string; label: string; mean: number | null }[] };

export type QuestionSummary = BatterySummary | ChoiceSummary | NumberSummary | NpsSummary | TextSummary | RankingSummary | ConstantSumSummary | MaxDiffSummary;
/** The summary shape of a question type (ChoiceSummary serves three types, so a plain Extract will not do). */
export type SummaryOf<T extends QuestionType> = QuestionSummary extends infer S ? (S extends { type: infer U } ? (T extends U ? S : never) : never) : never;

export type Aggregates = {
  answered: { questionId: string; n: number }[];
  batteryMeans: { questionId: string; rowId: string; mean: number; n: number }[];
  codeCounts: { questionId: string; code: number; n: number }[];
  numbers: ({ questionId: string } & NumberStats)[];
  nps: { questionId: string; n: number; promoters: number; passives: number; detractors: number }[];
  rankings: { questionId: string; itemId: string; n: number; meanRank: number | null; first: number }[];
  sums: { questionId: string; itemId: string; mean: number | null; n: number }[];
  texts: Record<string, string[]>;
  otherTexts: Record<string, string[]>;
  /** Built whole by summarizeMaxDiffQuestions (lib/surveys/maxdiff-summary.ts). */
  maxdiff: Record<string, MaxDiffSummary>;
};

const EMPTY_STATS: NumberStats = { n: 0, mean: null, sd: null, median: null, min: null, max: null };

/** NPS = % promoters − % detractors, rounded to a whole number as it is usually reported. */
export function npsScore(counts: { n: number; promoters: number; detractors: number }): number | null {
  return counts.n ? Math.round(((counts.promoters - counts.detractors) / counts.n) * 100) : null;
}

export function summarizeQuestion(question: Question, data: Aggregates, text: Text): QuestionSummary {
  const base = { id: question.id, text: text(question.text) };
  const answered = data.answered.find((a) => a.questionId === question.id)?.n ?? 0;
  const stats = () => {
    const { questionId: _id, ...found } = data.numbers.find((s) => s.questionId === question.id) ?? { questionId: question.id, ...EMPTY_STATS };
    return found;
  };
  switch (question.type) {
    case "likert_battery": {
      const codes = question.scale.map((o) => o.code);
      return {
        ...base,
        type: question.type,
        scaleMin: Math.min(...codes),
        scaleMax: Math.max(...codes),
        rows: question.rows.map((row) => {
          const found = data.batteryMeans.find((m) => m.questionId === question.id && m.rowId === row.id);
          return { id: row.id, text: text(row.text), mean: found ? found.mean : null, n: found?.n ?? 0 };
        }),
      };
    }
    case "single_choice":
    case "multiple_choice":
    case "likert_item": {
      const mine = data.codeCounts.filter((c) => c.questionId === question.id);
      // Single choices and Likert items have one code per answer; a multiple choice counts respondents.
      const total = question.type === "multiple_choice" ? answered : mine.reduce((sum, c) => sum + c.n, 0);
      const options = optionsOf(question).map((option) => {
        const n = mine.find((c) => c.code === option.code)?.n ?? 0;
        return { id: option.id, code: option.code, label: text(option.label), n, share: total ? n / total : 0 };
      });
      const mean = question.type === "likert_item" ? stats().mean : null;
      return { ...base, type: question.type, answered: total, mean, options, otherTexts: data.otherTexts[question.id] ?? [] };
    }
    case "rating":
      return { ...base, type: question.type, ...stats(), scale: { min: question.min, max: question.max } };
    case "numeric":
      return { ...base, type: question.type, ...stats() };
    case "nps": {
      const found = data.nps.find((c) => c.questionId === question.id) ?? { n: 0, promoters: 0, passives: 0, detractors: 0 };
      return { ...base, type: question.type, n: found.n, promoters: found.promoters, passives: found.passives, detractors: found.detractors, score: npsScore(found) };
    }
    case "open_text":
      return { ...base, type: question.type, answered, latest: data.texts[question.id] ?? [] };
    case "ranking":
      return {
        ...base,
        type: question.type,
        answered,
        ranks: question.topN ?? question.items.length,
        items: question.items.map((item) => {
          const found = data.rankings.find((r) => r.questionId === question.id && r.itemId === item.id);
          return { id: item.id, label: text(item.label), n: found?.n ?? 0, meanRank: found?.meanRank ?? null, first: found?.first ?? 0 };
        }),
      };
    case "constant_sum":
      return {
        ...base,
        type: question.type,
        answered,
        total: question.total,
        items: question.items.map((item) => ({
          id: item.id,
          label: text(item.label),
          mean: data.sums.find((s) => s.questionId === question.id && s.itemId === item.id)?.mean ?? null,
        })),
      };
    case "maxdiff":
      return data.maxdiff[question.id] ?? { ...base, type: question.type, respondents: 0, items: [] };
  }
}
