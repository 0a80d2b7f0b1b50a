import type { Locale } from "@/lib/i18n/locales";

export { AGREEMENT_SCALE } from "../question-templates";

export type Texts = Record<Locale, string>;

/** Builds options with stable ids and codes 1..n from translated labels. */
export function options(prefix: string, labels: readonly Texts[]) {
  return labels.map((label, index) => ({ id: `${prefix}${index + 1}`, code: index + 1, label }));
}

export function items(rows: readonly [id: string, text: Texts][]) {
  return rows.map(([id, text], index) => ({ id, code: index + 1, label: text }));
}

export const IMPORTANCE_SCALE: readonly Texts[] = [
  { en: "Not at all important", fi: "Ei lainkaan tärkeä", sv: "Inte alls viktigt" },
  { en: "Slightly important", fi: "Vähän tärkeä", sv: "Lite viktigt" },
  { en: "Moderately important", fi: "Kohtalaisen tärkeä", sv: "Ganska viktigt" },
  { en: "Very important", fi: "Hyvin tärkeä", sv: "Mycket viktigt" },
  { en: "Extremely important", fi: "Äärimmäisen tärkeä", sv: "Extremt viktigt" },
];

export const SATISFACTION_SCALE: readonly Texts[] = [
  { en: "Very dissatisfied", fi: "Erittäin tyytymätön", sv: "Mycket missnöjd" },
  { en: "Dissatisfied", fi: "Tyytymätön", sv: "Missnöjd" },
  { en: "Neutral", fi: "Neutraali", sv: "Neutral" },
  { en: "Satisfied", fi: "Tyytyväinen", sv: "Nöjd" },
  { en: "Very satisfied", fi: "Erittäin tyytyväinen", sv: "Mycket nöjd" },
];

export const ALL_LANGUAGES: Locale[] = ["en", "fi", "sv"];

/** A single-choice question with options coded 1..n in the given order. */
export function singleChoice(id: string, text: Texts, optionPrefix: string, labels: readonly Texts[], required = true) {
  return { id, type: "single_choice" as const, required, text, options: options(optionPrefix, labels) };
}
