import { isLocale, type Locale } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";
import type { Translate } from "@/lib/i18n/translator";
import type { AnswerValue } from "@/lib/surveys/answers";
import { localized, type LocalizedText, type Question, type SurveyDefinition, type SurveyOption } from "@/lib/surveys/definition";
import type { CsvValue } from "./csv";
import { maxDiffColumns, type MaxDiffSetsOf } from "./maxdiff-export-columns";

/**
 * The export's answer columns, derived from the survey definition: one column per question,
 * battery statement, multiple-choice option or ranked/allocated item, and for MaxDiff the version,
 * the picks per set and a score per item. Column names are the stable ids (question_row), so files
 * from different versions line up. Texts and labels are in the export's language.
 */
export type ExportColumn = {
  name: string;
  questionId: string;
  /** Statement, option or item id for sub-columns. */
  partId?: string;
  questionType: string;
  text: string;
  /** Code → label, when the column holds codes. */
  codes?: SurveyOption[];
  read: (answer: AnswerValue | undefined, labels: boolean, row?: ExportRowContext) => CsvValue;
};

/** What a column may need to know about the response besides its answer. */
export type ExportRowContext = { versionId?: string };

export type ExportOptions = {
  /** Language of texts and labels; one the survey lacks falls back to its default language. */
  language?: string;
  /** MaxDiff sets of older survey versions (a response is scored on the design it answered). */
  maxDiffSets?: MaxDiffSetsOf;
};

type Text = (value: LocalizedText | undefined) => string;

/** A label the export adds itself, already in the export's language, so it reads the same under any language key. */
const builtIn = (label: string): LocalizedText => ({ en: label, fi: label, sv: label });

function labelOf(options: readonly SurveyOption[], code: unknown, text: Text): CsvValue {
  if (typeof code !== "number") return undefined;
  const option = options.find((candidate) => candidate.code === code);
  return option ? text(option.label) : code;
}

/** Types this module does not know (added later) still export: numbers and text as is, anything else as JSON. */
function plain(answer: AnswerValue | undefined): CsvValue {
  if (answer === undefined || typeof answer === "number" || typeof answer === "string") return answer;
  return JSON.stringify(answer);
}

function columnsOf(question: Question, text: Text, t: Translate, options: ExportOptions): ExportColumn[] {
  const base = { questionId: question.id, questionType: question.type, text: text(question.text) };
  const record = (answer: AnswerValue | undefined) => (answer && typeof answer === "object" && !Array.isArray(answer) ? (answer as Record<string, unknown>) : {});
  switch (question.type) {
    case "likert_battery":
      return question.rows.map((row) => ({
        ...base,
        name: `${question.id}_${row.id}`,
        partId: row.id,
        text: `${base.text} — ${text(row.text)}`,
        codes: question.scale,
        read: (answer, labels) => {
          const code = record(answer)[row.id];
          return labels ? labelOf(question.scale, code, text) : (code as CsvValue);
        },
      }));
    case "single_choice":
    case "likert_item": {
      const codes = question.type === "single_choice" ? question.options : question.scale;
      return [{ ...base, name: question.id, codes, read: (answer, labels) => (labels ? labelOf(codes, answer, text) : plain(answer)) }];
    }
    case "multiple_choice": {
      const options = question.other ? [...question.options, question.other] : question.options;
      const chosen = (answer: AnswerValue | undefined) => (Array.isArray(record(answer).codes) ? (record(answer).codes as number[]) : undefined);
      // One 0/1 column per option (a "multiple dichotomy"), plus the other-text.
      const columns: ExportColumn[] = options.map((option) => ({
        ...base,
        name: `${question.id}_${option.id}`,
        partId: option.id,
        text: `${base.text} — ${text(option.label)}`,
        codes: [
          { id: "no", code: 0, label: builtIn(t("exportTexts.notChosen")) },
          { id: "yes", code: 1, label: builtIn(t("exportTexts.chosen")) },
        ],
        read: (answer, labels) => {
          const codes = chosen(answer);
          if (!codes) return undefined;
          const picked = codes.includes(option.code);
          return labels ? (picked ? text(option.label) : "") : picked ? 1 : 0;
        },
      }));
      if (question.other) {
        columns.push({ ...base, name: `${question.id}_other_text`, partId: "other_text", text: `${base.text} — ${t("exportTexts.otherText")}`, read: (answer) => record(answer).other as CsvValue });
      }
      return columns;
    }
    case "ranking":
    case "constant_sum":
      return question.items.map((item) => ({
        ...base,
        name: `${question.id}_${item.id}`,
        partId: item.id,
        text: `${base.text} — ${text(item.label)}`,
        read: (answer) => {
          if (question.type === "ranking") {
            const position = Array.isArray(answer) ? answer.indexOf(item.id) : -1;
            return position >= 0 ? position + 1 : undefined;
          }
          return record(answer)[item.id] as CsvValue;
        },
      }));
    case "nps": {
      // The scale's ends carry the respondent page's labels; the points between are their numbers.
      const codes = Array.from({ length: 11 }, (_, code) => ({
        id: String(code),
        code,
        label: builtIn(code === 0 ? `0 – ${t("questions.npsLow")}` : code === 10 ? `10 – ${t("questions.npsHigh")}` : String(code)),
      }));
      return [{ ...base, name: question.id, codes, read: (answer) => plain(answer) }];
    }
    case "maxdiff":
      return maxDiffColumns(question, base, text, t, options.maxDiffSets ?? (() => undefined));
    default:
      return [{ ...base, name: question.id, read: (answer) => plain(answer) }];
  }
}

/** The export's language: the one asked for if the survey has it, else the survey's default. */
export function exportLanguage(definition: SurveyDefinition, requested?: string): Locale {
  return isLocale(requested) && definition.languages.includes(requested) ? requested : definition.defaultLanguage;
}

function textsOf(definition: SurveyDefinition, language: string | undefined) {
  const lang = exportLanguage(definition, language);
  const text: Text = (value) => localized(value, lang, definition.defaultLanguage);
  return { text, t: translate(lang) };
}

export function exportColumns(definition: SurveyDefinition, options: ExportOptions = {}): ExportColumn[] {
  const { text, t } = textsOf(definition, options.language);
  return definition.questions.flatMap((question) => columnsOf(question as Question, text, t, options));
}

export const CODEBOOK_HEADER = ["variable", "question_id", "part_id", "question_type", "text", "code", "label"];

/** The codebook: one line per variable and code (variables without codes get one line). */
export function codebookRows(definition: SurveyDefinition, options: ExportOptions = {}): CsvValue[][] {
  const { text } = textsOf(definition, options.language);
  return exportColumns(definition, options).flatMap((column) => {
    const head = [column.name, column.questionId, column.partId ?? "", column.questionType, column.text];
    if (!column.codes?.length) return [[...head, "", ""]];
    return column.codes.map((option) => [...head, option.code, text(option.label) || option.label.en || option.id]);
  });
}
