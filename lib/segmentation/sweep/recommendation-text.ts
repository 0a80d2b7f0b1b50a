import type { Recommendation, RecommendationReason } from "@/lib/analysis";
import type { Translate } from "@/lib/i18n/translator";
import type { SweepKSummary } from "./sweep-results";

/**
 * lib/analysis's recommendation (stability first, then the within-SS elbow, then silhouette;
 * Steinley's ARI bands; unstable segments named) in the UI language: every structured reason
 * becomes a clause, e.g. "k = 4: the most stable solution, good stability (median ARI 0.86); at
 * the elbow of the within-cluster sum of squares; silhouette 0.31 (highest: 0.35 at k = 2)."
 * With the chosen k's summary it adds the share of its smallest segment.
 */
export function recommendationText(recommendation: Recommendation, t: Translate, locale: string, chosen?: Pick<SweepKSummary, "segments">): string {
  const number = (value: number) => (Number.isFinite(value) ? new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value) : "—");
  const list = (items: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
  const clause = (reason: RecommendationReason): string => {
    switch (reason.code) {
      case "most-stable":
        return t("sweepRecommendation.rec_most_stable", { level: t(`sweepRecommendation.level_${reason.level}`), ari: number(reason.medianAri) });
      case "near-most-stable":
        return t("sweepRecommendation.rec_near_most_stable", {
          level: t(`sweepRecommendation.level_${reason.level}`),
          ari: number(reason.medianAri),
          mostStableK: reason.mostStableK,
          mostStableAri: number(reason.mostStableMedianAri),
        });
      case "no-stable-solution":
        return t("sweepRecommendation.rec_no_stable_solution", { ari: number(reason.bestMedianAri) });
      case "stability-not-measured":
        return t("sweepRecommendation.rec_stability_not_measured");
      case "elbow":
        return t("sweepRecommendation.rec_elbow");
      case "elbow-elsewhere":
        return t("sweepRecommendation.rec_elbow_elsewhere", { elbowK: reason.elbowK });
      case "best-silhouette":
        return t("sweepRecommendation.rec_best_silhouette", { silhouette: number(reason.silhouette) });
      case "silhouette":
        return t("sweepRecommendation.rec_silhouette", { silhouette: number(reason.silhouette), bestSilhouette: number(reason.bestSilhouette), bestSilhouetteK: reason.bestSilhouetteK });
      case "unstable-segments":
        return t("sweepRecommendation.rec_unstable_segments", {
          segments: list(reason.segments.map((segment) => t("sweepRecommendation.rec_unstable_segment", { segment: segment.segment + 1, jaccard: number(segment.meanJaccard) }))),
        });
    }
  };
  const sentence = t("sweepRecommendation.rec_sentence", { k: recommendation.k, reasons: recommendation.reasons.map(clause).join("; ") });
  const sizes = chosen?.segments.map((segment) => segment.share) ?? [];
  if (sizes.length === 0) return sentence;
  const share = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(Math.min(...sizes));
  return `${sentence} ${t("sweepRecommendation.recSmallest", { share })}`;
}
