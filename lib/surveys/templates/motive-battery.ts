import { IMPORTANCE_SCALE, ALL_LANGUAGES, options, type Texts } from "./text";

const NEEDS: [string, Texts][] = [
  ["price", { en: "A good price", fi: "Edullinen hinta", sv: "Ett bra pris" }],
  ["quality", { en: "High quality", fi: "Korkea laatu", sv: "Hög kvalitet" }],
  ["convenience", { en: "Convenience, saving time", fi: "Helppous ja ajansäästö", sv: "Bekvämlighet och tidsbesparing" }],
  ["service", { en: "Personal service", fi: "Henkilökohtainen palvelu", sv: "Personlig service" }],
  ["novelty", { en: "Trying something new", fi: "Uuden kokeileminen", sv: "Att prova något nytt" }],
  ["sustainability", { en: "Environmental responsibility", fi: "Ympäristövastuullisuus", sv: "Miljöansvar" }],
  ["status", { en: "A brand that says something about me", fi: "Brändi, joka kertoo minusta jotain", sv: "Ett varumärke som säger något om mig" }],
  ["security", { en: "Reliability and security", fi: "Luotettavuus ja turvallisuus", sv: "Pålitlighet och trygghet" }],
  ["expertise", { en: "Expert advice", fi: "Asiantunteva neuvonta", sv: "Expertråd" }],
  ["community", { en: "Belonging to a community", fi: "Yhteisöön kuuluminen", sv: "Att höra till en gemenskap" }],
];

/** The core of a needs-based segmentation: importance of each need on one 5-point scale. */
export function motiveBatteryTemplate() {
  return {
    schemaVersion: 1 as const,
    languages: ALL_LANGUAGES,
    defaultLanguage: "en" as const,
    title: { en: "What matters to you", fi: "Mikä sinulle on tärkeää", sv: "Vad som är viktigt för dig" },
    intro: {
      en: "Tell us how important each of these is when you choose. There are no right or wrong answers.",
      fi: "Kerro, kuinka tärkeä kukin asia on sinulle valintaa tehdessäsi. Oikeita tai vääriä vastauksia ei ole.",
      sv: "Berätta hur viktigt vart och ett av dessa är när du väljer. Det finns inga rätta eller felaktiga svar.",
    },
    questions: [
      {
        id: "needs",
        type: "likert_battery" as const,
        required: true,
        text: { en: "When you choose, how important is…", fi: "Kun teet valintaa, kuinka tärkeää on…", sv: "När du väljer, hur viktigt är…" },
        scale: options("imp", IMPORTANCE_SCALE),
        rows: NEEDS.map(([id, text]) => ({ id, text })),
      },
    ],
  };
}
