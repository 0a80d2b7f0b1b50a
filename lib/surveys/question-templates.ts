import type { Locale } from "@/lib/i18n/locales";
import type { SurveyDefinitionInput } from "./definition";

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

export function newDefinition(): SurveyDefinitionInput {
  return { schemaVersion: 1, languages: ["en"], defaultLanguage: "en", title: blank(), questions: [] };
}

export { blank as blankTexts };
