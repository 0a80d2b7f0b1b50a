import type { Locale } from "@/lib/i18n/locales";
import type { SurveyDefinitionInput } from "./definition";
import { newMaxDiff } from "./maxdiff-question";

/** Starting points for the designer: new questions come with sensible, translated defaults. */

export type QuestionInput = SurveyDefinitionInput["questions"][number];
type Texts = Record<Locale, string>;

/** The usual 5-point agreement scale, codes 1 (strongly disagree) … 5 (strongly agree). */
export const AGREEMENT_SCALE: readonly Texts[] = [
  { en: "Strongly disagree", fi: "Täysin eri mieltä", sv: "Helt av annan åsikt" },
  { en: "Disagree", fi: "Jokseenkin eri mieltä", sv: "Delvis av annan åsikt" },
  { en: "Neither agree nor disagree", fi: "Ei samaa eikä eri mieltä", sv: "Varken av samma eller annan åsikt" },
  { en: "Agree", fi: "Jokseenkin samaa mieltä", sv: "Delvis av samma åsikt" },
  { en: "Strongly agree", fi: "Täysin samaa mieltä", sv: "Helt av samma åsikt" },
];

const blank = (): Texts => ({ en: "", fi: "", sv: "" });

export function agreementScale() {
  return AGREEMENT_SCALE.map((label, index) => ({ id: `p${index + 1}`, code: index + 1, label: { ...label } }));
}

export function newLikertBattery(id: string): QuestionInput {
  return { id, type: "likert_battery", text: blank(), required: true, scale: agreementScale(), rows: [{ id: "s1", text: blank() }] };
}

export function newSingleChoice(id: string): QuestionInput {
  return {
    id,
    type: "single_choice",
    text: blank(),
    required: true,
    options: [
      { id: "o1", code: 1, label: blank() },
      { id: "o2", code: 2, label: blank() },
    ],
  };
}

const option = (id: string, code: number) => ({ id, code, label: blank() });

export function newMultipleChoice(id: string): QuestionInput {
  return { id, type: "multiple_choice", text: blank(), required: true, options: [option("o1", 1), option("o2", 2), option("o3", 3)] };
}

export function newLikertItem(id: string): QuestionInput {
  return { id, type: "likert_item", text: blank(), required: true, scale: agreementScale() };
}

export function newRating(id: string): QuestionInput {
  return { id, type: "rating", text: blank(), required: true, min: 1, max: 10, step: 1, minLabel: blank(), maxLabel: blank(), display: "buttons" };
}

export function newNps(id: string): QuestionInput {
  return {
    id,
    type: "nps",
    text: {
      en: "How likely is it that you would recommend us to a friend or colleague?",
      fi: "Kuinka todennäköisesti suosittelisit meitä ystävällesi tai kollegallesi?",
      sv: "Hur troligt är det att du skulle rekommendera oss till en vän eller kollega?",
    },
    required: true,
  };
}

export function newNumeric(id: string): QuestionInput {
  return { id, type: "numeric", text: blank(), required: true, min: 0, integer: true };
}

export function newOpenText(id: string): QuestionInput {
  return { id, type: "open_text", text: blank(), required: false, maxLength: 1000, multiline: true };
}

export function newRanking(id: string): QuestionInput {
  return { id, type: "ranking", text: blank(), required: true, items: [option("i1", 1), option("i2", 2), option("i3", 3)] };
}

export function newConstantSum(id: string): QuestionInput {
  return { id, type: "constant_sum", text: blank(), required: true, total: 100, items: [option("i1", 1), option("i2", 2), option("i3", 3)] };
}

/** The template of each type, for the designer's "Add …" buttons. */
export const NEW_QUESTION = {
  likert_battery: newLikertBattery,
  single_choice: newSingleChoice,
  multiple_choice: newMultipleChoice,
  likert_item: newLikertItem,
  rating: newRating,
  nps: newNps,
  numeric: newNumeric,
  open_text: newOpenText,
  ranking: newRanking,
  constant_sum: newConstantSum,
  maxdiff: newMaxDiff,
} as const;

export function newDefinition(): SurveyDefinitionInput {
  return { schemaVersion: 1, languages: ["en"], defaultLanguage: "en", title: blank(), questions: [] };
}

export { blank as blankTexts };
