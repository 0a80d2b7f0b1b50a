import { ALL_LANGUAGES, AGREEMENT_SCALE, options } from "./text";

/** Perceived value and loyalty: NPS with its reason, value for money and overall satisfaction. */
export function valueNpsTemplate() {
  return {
    schemaVersion: 1 as const,
    languages: ALL_LANGUAGES,
    defaultLanguage: "en" as const,
    title: { en: "Value and recommendation", fi: "Arvo ja suosittelu", sv: "Värde och rekommendation" },
    questions: [
      {
        id: "nps",
        type: "nps" as const,
        required: true,
        text: {
          en: "How likely are you to recommend us to a friend or colleague?",
          fi: "Kuinka todennäköisesti suosittelisit meitä ystävälle tai kollegalle?",
          sv: "Hur troligt är det att du skulle rekommendera oss till en vän eller kollega?",
        },
      },
      {
        id: "nps_reason",
        type: "open_text" as const,
        maxLength: 1000,
        multiline: true,
        required: false,
        text: { en: "What is the main reason for your score?", fi: "Mikä on tärkein syy antamaasi arvosanaan?", sv: "Vad är huvudskälet till ditt betyg?" },
      },
      {
        id: "value",
        type: "likert_battery" as const,
        required: true,
        text: { en: "How much do you agree?", fi: "Kuinka samaa mieltä olet?", sv: "Hur mycket håller du med?" },
        scale: options("agr", AGREEMENT_SCALE),
        rows: [
          { id: "worth_price", text: { en: "It is worth what it costs", fi: "Se on hintansa arvoinen", sv: "Det är värt vad det kostar" } },
          { id: "saves_time", text: { en: "It saves me time", fi: "Se säästää aikaani", sv: "Det sparar tid åt mig" } },
          { id: "hard_to_replace", text: { en: "It would be hard to replace", fi: "Sitä olisi vaikea korvata", sv: "Det skulle vara svårt att ersätta" } },
        ],
      },
    ],
  };
}
