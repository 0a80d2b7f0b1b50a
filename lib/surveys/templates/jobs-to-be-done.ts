import { ALL_LANGUAGES, IMPORTANCE_SCALE, SATISFACTION_SCALE, options, type Texts } from "./text";

const OUTCOMES: [string, Texts][] = [
  ["find_fast", { en: "Find the right option quickly", fi: "Löytää oikea vaihtoehto nopeasti", sv: "Hitta rätt alternativ snabbt" }],
  ["compare", { en: "Compare options with confidence", fi: "Vertailla vaihtoehtoja luottavaisesti", sv: "Jämföra alternativ med säkerhet" }],
  ["avoid_mistakes", { en: "Avoid costly mistakes", fi: "Välttää kalliit virheet", sv: "Undvika dyra misstag" }],
  ["get_help", { en: "Get help when something goes wrong", fi: "Saada apua, kun jokin menee pieleen", sv: "Få hjälp när något går fel" }],
  ["know_progress", { en: "Know where things stand", fi: "Tietää, missä mennään", sv: "Veta hur det ligger till" }],
];

/**
 * Outcome-driven jobs-to-be-done: the main job in the respondent's words, then importance and
 * satisfaction per desired outcome (the opportunity score is importance + max(importance − satisfaction, 0)).
 */
export function jobsToBeDoneTemplate() {
  const rows = OUTCOMES.map(([id, text]) => ({ id, text }));
  return {
    schemaVersion: 1 as const,
    languages: ALL_LANGUAGES,
    defaultLanguage: "en" as const,
    title: { en: "Getting the job done", fi: "Tehtävän hoitaminen", sv: "Att få jobbet gjort" },
    questions: [
      {
        id: "main_job",
        type: "open_text" as const,
        maxLength: 1000,
        multiline: true,
        required: true,
        text: {
          en: "What were you trying to get done the last time you used a service like ours?",
          fi: "Mitä yritit saada aikaan, kun viimeksi käytit meidän kaltaistamme palvelua?",
          sv: "Vad försökte du få gjort senast du använde en tjänst som vår?",
        },
      },
      {
        id: "outcome_importance",
        type: "likert_battery" as const,
        required: true,
        text: { en: "When you do this, how important is it to…", fi: "Kun teet tätä, kuinka tärkeää on…", sv: "När du gör detta, hur viktigt är det att…" },
        scale: options("imp", IMPORTANCE_SCALE),
        rows,
      },
      {
        id: "outcome_satisfaction",
        type: "likert_battery" as const,
        required: true,
        text: {
          en: "How satisfied are you today with how well you can…",
          fi: "Kuinka tyytyväinen olet tänään siihen, kuinka hyvin voit…",
          sv: "Hur nöjd är du i dag med hur väl du kan…",
        },
        scale: options("sat", SATISFACTION_SCALE),
        rows,
      },
    ],
  };
}
