import { ALL_LANGUAGES, singleChoice } from "./text";

/** B2B descriptors: company size, industry, role and department. */
export function b2bFirmographicsTemplate() {
  return {
    schemaVersion: 1 as const,
    languages: ALL_LANGUAGES,
    defaultLanguage: "en" as const,
    title: { en: "About your organisation", fi: "Tietoja organisaatiostasi", sv: "Om din organisation" },
    questions: [
      singleChoice(
        "company_size",
        { en: "Number of employees", fi: "Henkilöstön määrä", sv: "Antal anställda" },
        "size",
        [
          { en: "1–9", fi: "1–9", sv: "1–9" },
          { en: "10–49", fi: "10–49", sv: "10–49" },
          { en: "50–249", fi: "50–249", sv: "50–249" },
          { en: "250–999", fi: "250–999", sv: "250–999" },
          { en: "1,000 or more", fi: "1 000 tai enemmän", sv: "1 000 eller fler" },
        ]
      ),
      singleChoice(
        "industry",
        { en: "Industry", fi: "Toimiala", sv: "Bransch" },
        "ind",
        [
          { en: "Manufacturing", fi: "Teollisuus", sv: "Tillverkning" },
          { en: "Retail and wholesale", fi: "Kauppa", sv: "Handel" },
          { en: "Information and communication", fi: "Informaatio ja viestintä", sv: "Information och kommunikation" },
          { en: "Finance and insurance", fi: "Rahoitus ja vakuutus", sv: "Finans och försäkring" },
          { en: "Public sector", fi: "Julkinen sektori", sv: "Offentlig sektor" },
          { en: "Other services", fi: "Muut palvelut", sv: "Övriga tjänster" },
        ]
      ),
      singleChoice(
        "role",
        { en: "Your role", fi: "Roolisi", sv: "Din roll" },
        "role",
        [
          { en: "Owner or executive", fi: "Omistaja tai johtaja", sv: "Ägare eller ledning" },
          { en: "Manager", fi: "Esihenkilö", sv: "Chef" },
          { en: "Specialist", fi: "Asiantuntija", sv: "Specialist" },
          { en: "Other", fi: "Muu", sv: "Annat" },
        ]
      ),
      singleChoice(
        "department",
        { en: "Department", fi: "Osasto", sv: "Avdelning" },
        "dept",
        [
          { en: "General management", fi: "Yleisjohto", sv: "Företagsledning" },
          { en: "Sales and marketing", fi: "Myynti ja markkinointi", sv: "Försäljning och marknadsföring" },
          { en: "IT", fi: "IT", sv: "IT" },
          { en: "Finance", fi: "Talous", sv: "Ekonomi" },
          { en: "Operations and production", fi: "Tuotanto ja operaatiot", sv: "Produktion och drift" },
          { en: "Other", fi: "Muu", sv: "Annat" },
        ],
        false,
      ),
    ],
  };
}
