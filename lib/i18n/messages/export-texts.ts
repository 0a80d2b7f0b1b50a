import { defineMessages } from "../define";

/** Labels the export and codebook add themselves (not written by the researcher), in the export's language. */
export const exportTexts = defineMessages({
  en: {
    notChosen: "Not chosen",
    chosen: "Chosen",
    otherText: "Other, text",
    maxDiffVersion: "design version",
    maxDiffBest: "set {set}, most",
    maxDiffWorst: "set {set}, least",
    maxDiffScore: "best–worst score (−1…1)",
    language: "Language of texts and labels",
  },
  fi: {
    notChosen: "Ei valittu",
    chosen: "Valittu",
    otherText: "Muu, teksti",
    maxDiffVersion: "asetelman versio",
    maxDiffBest: "sarja {set}, eniten",
    maxDiffWorst: "sarja {set}, vähiten",
    maxDiffScore: "paras–huonoin-pistemäärä (−1…1)",
    language: "Tekstien ja nimien kieli",
  },
  sv: {
    notChosen: "Inte vald",
    chosen: "Vald",
    otherText: "Annat, text",
    maxDiffVersion: "designversion",
    maxDiffBest: "uppsättning {set}, mest",
    maxDiffWorst: "uppsättning {set}, minst",
    maxDiffScore: "bäst–sämst-poäng (−1…1)",
    language: "Språk för texter och etiketter",
  },
});
