import { ALL_LANGUAGES, singleChoice } from "./text";

/** B2C descriptors: used to describe segments, never to build them (unless the researcher chooses so). */
export function b2cDemographicsTemplate() {
  return {
    schemaVersion: 1 as const,
    languages: ALL_LANGUAGES,
    defaultLanguage: "en" as const,
    title: { en: "About you", fi: "Tietoja sinusta", sv: "Om dig" },
    questions: [
      singleChoice(
        "age_group",
        { en: "Your age", fi: "Ikäsi", sv: "Din ålder" },
        "age",
        [
          { en: "Under 25", fi: "Alle 25", sv: "Under 25" },
          { en: "25–34", fi: "25–34", sv: "25–34" },
          { en: "35–44", fi: "35–44", sv: "35–44" },
          { en: "45–54", fi: "45–54", sv: "45–54" },
          { en: "55–64", fi: "55–64", sv: "55–64" },
          { en: "65 or over", fi: "65 tai yli", sv: "65 eller äldre" },
        ]
      ),
      singleChoice(
        "gender",
        { en: "Gender", fi: "Sukupuoli", sv: "Kön" },
        "gender",
        [
          { en: "Woman", fi: "Nainen", sv: "Kvinna" },
          { en: "Man", fi: "Mies", sv: "Man" },
          { en: "Another gender", fi: "Muu", sv: "Annat" },
          { en: "Prefer not to say", fi: "En halua sanoa", sv: "Vill inte uppge" },
        ],
        false,
      ),
      singleChoice(
        "household",
        { en: "Household", fi: "Kotitalous", sv: "Hushåll" },
        "hh",
        [
          { en: "Living alone", fi: "Asun yksin", sv: "Bor ensam" },
          { en: "Couple without children", fi: "Pariskunta ilman lapsia", sv: "Par utan barn" },
          { en: "Family with children", fi: "Lapsiperhe", sv: "Familj med barn" },
          { en: "Other", fi: "Muu", sv: "Annat" },
        ],
        false,
      ),
      singleChoice(
        "region",
        { en: "Where do you live?", fi: "Missä asut?", sv: "Var bor du?" },
        "reg",
        [
          { en: "Capital region", fi: "Pääkaupunkiseutu", sv: "Huvudstadsregionen" },
          { en: "Other city", fi: "Muu kaupunki", sv: "Annan stad" },
          { en: "Countryside", fi: "Maaseutu", sv: "Landsbygd" },
        ],
        false,
      ),
    ],
  };
}
