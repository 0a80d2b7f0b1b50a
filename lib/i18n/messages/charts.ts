import { defineMessages } from "../define";

export const charts = defineMessages({
  en: { downloadPng: "Download PNG", downloadSvg: "Download SVG", downloadCsv: "Download data (CSV)", showTable: "Show the numbers" },
  fi: { downloadPng: "Lataa PNG", downloadSvg: "Lataa SVG", downloadCsv: "Lataa tiedot (CSV)", showTable: "Näytä luvut" },
  sv: { downloadPng: "Ladda ner PNG", downloadSvg: "Ladda ner SVG", downloadCsv: "Ladda ner data (CSV)", showTable: "Visa siffrorna" },
});
