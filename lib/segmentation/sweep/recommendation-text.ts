import type { Translate } from "@/lib/i18n/translator";
import type { KRecommendation } from "../analysis-adapter";

/**
 * The recommendation in words, in the UI language: which k, how stable (median bootstrap ARI,
 * read after Hennig: ≥ 0.75 stable, ≥ 0.6 a pattern) and why this k rather than another.
 */
export function recommendationText(recommendation: KRecommendation, t: Translate, locale: string): string {
  const number = (value: number) => (Number.isFinite(value) ? new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value) : "—");
  const vars = {
    k: recommendation.k,
    ari: number(recommendation.medianAri),
    silhouette: number(recommendation.silhouette),
    stableKs: new Intl.ListFormat(locale, { type: "conjunction" }).format(recommendation.stableKs.map(String)),
    stability: t(`sweep.stability_${recommendation.stability}`),
  };
  const share = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(recommendation.smallestShare);
  return `${t(`sweep.rec_${recommendation.reason}`, vars)} ${t("sweep.recSmallest", { share })}`;
}
