import { defineMessages } from "../define";

/** Texts of the shared chart frame (components/charts). */
export const charts = defineMessages({
  en: { downloadCsv: "Download data (CSV)", downloadPng: "Save PNG", downloadSvg: "Save SVG", showTable: "Show the data as a table" },
  fi: { downloadCsv: "Lataa data (CSV)", downloadPng: "Tallenna PNG", downloadSvg: "Tallenna SVG", showTable: "Näytä data taulukkona" },
  sv: { downloadCsv: "Ladda ner data (CSV)", downloadPng: "Spara PNG", downloadSvg: "Spara SVG", showTable: "Visa data som tabell" },
});
