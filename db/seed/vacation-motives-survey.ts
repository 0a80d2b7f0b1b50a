import type { SurveyDefinitionInput } from "@/lib/surveys/definition";

/** The demo survey: flexclust's 20 vacation motives as a yes/no battery, plus gender and age group. */

const MOTIVES: [id: string, en: string, fi: string, sv: string][] = [
  ["rest_relax", "Rest and relax", "Lepo ja rentoutuminen", "Vila och avkoppling"],
  ["luxury", "Luxury, being spoilt", "Luksus ja hemmottelu", "Lyx och att bli bortskämd"],
  ["sports", "Doing sports", "Urheilu", "Idrott och motion"],
  ["challenge", "Excitement, a challenge", "Jännitys ja haasteet", "Spänning och utmaningar"],
  ["budget", "Not exceeding the planned budget", "Suunnitellussa budjetissa pysyminen", "Att hålla budgeten"],
  ["creativity", "Realising creativity", "Luovuuden toteuttaminen", "Att förverkliga sin kreativitet"],
  ["fun", "Fun and entertainment", "Hauskanpito ja viihde", "Nöje och underhållning"],
  ["company", "Good company", "Hyvä seura", "Gott sällskap"],
  ["health", "Health and beauty", "Terveys ja kauneus", "Hälsa och skönhet"],
  ["easy_going", "Free and easy-going", "Vapaus ja huolettomuus", "Frihet och sorglöshet"],
  ["entertainment", "Entertainment facilities", "Viihdepalvelut", "Nöjesutbud"],
  ["price_free", "Not caring about prices", "Hinnoista välittämättä", "Att inte bry sig om priser"],
  ["local_life", "Life style of the local people", "Paikallisten elämäntapa", "Lokalbefolkningens livsstil"],
  ["nature_experience", "Intense experience of nature", "Voimakas luontokokemus", "Intensiv naturupplevelse"],
  ["cosiness", "Cosiness, a familiar atmosphere", "Kodikkuus ja tuttu tunnelma", "Mysighet och välbekant atmosfär"],
  ["unspoilt_surroundings", "Maintaining unspoilt surroundings", "Koskemattoman ympäristön säilyttäminen", "Att bevara orörd miljö"],
  ["organised", "Everything organised", "Kaikki valmiiksi järjestettynä", "Allt organiserat"],
  ["unspoilt_nature", "Unspoilt nature and landscape", "Koskematon luonto ja maisema", "Orörd natur och landskap"],
  ["culture", "Cultural offers", "Kulttuuritarjonta", "Kulturutbud"],
  ["change", "Change of surroundings", "Ympäristön vaihdos", "Miljöombyte"],
];

export const MOTIVE_IDS = MOTIVES.map(([id]) => id);
export const AGE_GROUPS = [
  { code: 1, upTo: 29, label: { en: "18–29", fi: "18–29", sv: "18–29" } },
  { code: 2, upTo: 44, label: { en: "30–44", fi: "30–44", sv: "30–44" } },
  { code: 3, upTo: 59, label: { en: "45–59", fi: "45–59", sv: "45–59" } },
  { code: 4, upTo: Infinity, label: { en: "60 or over", fi: "60 tai yli", sv: "60 eller äldre" } },
];

export function vacationMotivesDefinition(): SurveyDefinitionInput {
  return {
    schemaVersion: 1,
    languages: ["en", "fi", "sv"],
    defaultLanguage: "en",
    title: { en: "Why do you travel?", fi: "Miksi matkustat?", sv: "Varför reser du?" },
    intro: {
      en: "A few minutes about what you look for in a holiday. There are no right or wrong answers.",
      fi: "Muutama minuutti siitä, mitä haet lomalta. Oikeita tai vääriä vastauksia ei ole.",
      sv: "Några minuter om vad du söker på semestern. Det finns inga rätta eller felaktiga svar.",
    },
    questions: [
      {
        id: "motives",
        type: "likert_battery",
        required: true,
        text: {
          en: "Which of these motives apply to you when you go on holiday?",
          fi: "Mitkä näistä syistä koskevat sinua, kun lähdet lomalle?",
          sv: "Vilka av dessa motiv stämmer för dig när du åker på semester?",
        },
        scale: [
          { id: "no", code: 0, label: { en: "Does not apply", fi: "Ei koske minua", sv: "Stämmer inte" } },
          { id: "yes", code: 1, label: { en: "Applies to me", fi: "Koskee minua", sv: "Stämmer för mig" } },
        ],
        rows: MOTIVES.map(([id, en, fi, sv]) => ({ id, text: { en, fi, sv } })),
      },
      {
        id: "gender",
        type: "single_choice",
        required: true,
        text: { en: "Gender", fi: "Sukupuoli", sv: "Kön" },
        options: [
          { id: "female", code: 1, label: { en: "Female", fi: "Nainen", sv: "Kvinna" } },
          { id: "male", code: 2, label: { en: "Male", fi: "Mies", sv: "Man" } },
        ],
      },
      {
        id: "age_group",
        type: "single_choice",
        required: true,
        text: { en: "Age group", fi: "Ikäryhmä", sv: "Åldersgrupp" },
        options: AGE_GROUPS.map((group) => ({ id: `age${group.code}`, code: group.code, label: group.label })),
      },
    ],
  };
}
