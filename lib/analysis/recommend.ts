/**
 * Recommending a number of segments from a sweep, in the order Dolnicar, Grün & Leisch (2018)
 * weigh the evidence: stability first, then the within-SS elbow, then silhouette.
 *
 * Rule:
 * 1. Candidates are the k whose median bootstrap ARI is within NEAR_BEST_ARI (0.05) of the most
 *    stable k. (Without bootstraps every k is a candidate.)
 * 2. Among candidates, the elbow of the within-SS scree wins if it is one of them; otherwise the
 *    candidate with the highest silhouette; remaining ties go to the smaller k.
 * 3. Stability is labelled by Steinley's (2004) ARI bands: ≥ 0.90 excellent, ≥ 0.80 good,
 *    ≥ 0.65 moderate, below that poor. Segments of the chosen k whose mean bootstrap Jaccard is
 *    below 0.6 are named as unstable (Hennig 2007: such segments should not be trusted).
 *
 * The result is structured (codes and numbers) so the UI can word it in any language;
 * `describeRecommendation` gives the English wording.
 */
import type { SweepKResult } from "./sweep";

export const NEAR_BEST_ARI = 0.05;
export const UNSTABLE_SEGMENT_JACCARD = 0.6;
export type StabilityLevel = "excellent" | "good" | "moderate" | "poor";

export function stabilityLevel(medianAri: number): StabilityLevel {
  if (medianAri >= 0.9) return "excellent";
  if (medianAri >= 0.8) return "good";
  if (medianAri >= 0.65) return "moderate";
  return "poor";
}

export type RecommendationReason =
  | { code: "most-stable"; medianAri: number; level: StabilityLevel }
  | { code: "near-most-stable"; medianAri: number; level: StabilityLevel; mostStableK: number; mostStableMedianAri: number }
  | { code: "no-stable-solution"; bestMedianAri: number }
  | { code: "stability-not-measured" }
  | { code: "elbow" }
  | { code: "elbow-elsewhere"; elbowK: number }
  | { code: "best-silhouette"; silhouette: number }
  | { code: "silhouette"; silhouette: number; bestSilhouetteK: number; bestSilhouette: number }
  | { code: "unstable-segments"; segments: { segment: number; meanJaccard: number }[] };

export interface Recommendation {
  k: number;
  /** NaN when the sweep ran without bootstraps. */
  medianAri: number;
  silhouette: number;
  totalWithinSS: number;
  /** The k values that passed the stability step, ascending. */
  candidates: number[];
  /** Elbow of the within-SS curve; null with fewer than three k values. */
  elbowK: number | null;
  reasons: RecommendationReason[];
}

type SweepPoint = Pick<SweepKResult, "k" | "totalWithinSS" | "silhouette" | "stability">;

/**
 * The k whose within-SS lies farthest below the straight line from the first to the last k, both
 * axes scaled to 0..1 (the "knee" of the scree).
 */
export function withinSSElbow(points: readonly Pick<SweepKResult, "k" | "totalWithinSS">[]): number | null {
  if (points.length < 3) return null;
  const first = points[0];
  const last = points[points.length - 1];
  const span = first.totalWithinSS - last.totalWithinSS;
  if (!(span > 0)) return null;
  let best: number | null = null;
  let bestGap = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const x = (points[i].k - first.k) / (last.k - first.k);
    const y = (points[i].totalWithinSS - last.totalWithinSS) / span;
    const gap = 1 - x - y; // chord runs from (0, 1) to (1, 0)
    if (gap > bestGap) {
      bestGap = gap;
      best = points[i].k;
    }
  }
  return best;
}

export function recommendK(perK: readonly SweepPoint[]): Recommendation {
  if (perK.length === 0) throw new Error("A recommendation needs at least one k in the sweep");
  const points = [...perK].sort((a, b) => a.k - b.k);
  const medianOf = (p: SweepPoint) => p.stability?.ariSummary.median ?? NaN;
  const measured = points.every((p) => p.stability && Number.isFinite(medianOf(p)));
  const reasons: RecommendationReason[] = [];

  let candidates = points;
  let mostStable: SweepPoint | null = null;
  if (measured) {
    mostStable = points.reduce((best, p) => (medianOf(p) > medianOf(best) ? p : best));
    const floor = medianOf(mostStable) - NEAR_BEST_ARI;
    candidates = points.filter((p) => medianOf(p) >= floor);
  }
  const elbowK = withinSSElbow(points);
  const elbow = candidates.find((p) => p.k === elbowK);
  const bySilhouette = candidates.reduce((best, p) => (p.silhouette > best.silhouette ? p : best));
  const chosen = elbow ?? bySilhouette;

  if (!measured) {
    reasons.push({ code: "stability-not-measured" });
  } else {
    const medianAri = medianOf(chosen);
    if (chosen === mostStable) reasons.push({ code: "most-stable", medianAri, level: stabilityLevel(medianAri) });
    else {
      reasons.push({
        code: "near-most-stable",
        medianAri,
        level: stabilityLevel(medianAri),
        mostStableK: mostStable!.k,
        mostStableMedianAri: medianOf(mostStable!),
      });
    }
    if (stabilityLevel(medianOf(mostStable!)) === "poor") reasons.push({ code: "no-stable-solution", bestMedianAri: medianOf(mostStable!) });
  }
  if (elbow) reasons.push({ code: "elbow" });
  else if (elbowK !== null) reasons.push({ code: "elbow-elsewhere", elbowK });
  const bestOverall = points.reduce((best, p) => (p.silhouette > best.silhouette ? p : best));
  if (bestOverall === chosen) reasons.push({ code: "best-silhouette", silhouette: chosen.silhouette });
  else reasons.push({ code: "silhouette", silhouette: chosen.silhouette, bestSilhouetteK: bestOverall.k, bestSilhouette: bestOverall.silhouette });
  const unstable = (chosen.stability?.segments ?? [])
    .filter((s) => s.jaccard.mean < UNSTABLE_SEGMENT_JACCARD)
    .map((s) => ({ segment: s.segment, meanJaccard: s.jaccard.mean }));
  if (unstable.length > 0) reasons.push({ code: "unstable-segments", segments: unstable });

  return {
    k: chosen.k,
    medianAri: medianOf(chosen),
    silhouette: chosen.silhouette,
    totalWithinSS: chosen.totalWithinSS,
    candidates: candidates.map((p) => p.k),
    elbowK,
    reasons,
  };
}

const f2 = (v: number) => v.toFixed(2);

/** English wording of a recommendation, e.g. "k = 4: good stability (median ARI 0.86), …". */
export function describeRecommendation(recommendation: Recommendation): string {
  const parts = recommendation.reasons.map((reason): string => {
    switch (reason.code) {
      case "most-stable":
        return `the most stable solution, ${reason.level} stability (median ARI ${f2(reason.medianAri)})`;
      case "near-most-stable":
        return `${reason.level} stability (median ARI ${f2(reason.medianAri)}), close to the most stable k = ${reason.mostStableK} (${f2(reason.mostStableMedianAri)})`;
      case "no-stable-solution":
        return `but no k is clearly stable (best median ARI ${f2(reason.bestMedianAri)}): the data may have no natural segments, so treat this as one useful way to divide the market`;
      case "stability-not-measured":
        return "stability was not measured (no bootstraps)";
      case "elbow":
        return "at the elbow of the within-cluster sum of squares";
      case "elbow-elsewhere":
        return `the within-cluster sum of squares bends at k = ${reason.elbowK}, which is less stable`;
      case "best-silhouette":
        return `the highest silhouette (${f2(reason.silhouette)})`;
      case "silhouette":
        return `silhouette ${f2(reason.silhouette)} (highest: ${f2(reason.bestSilhouette)} at k = ${reason.bestSilhouetteK})`;
      case "unstable-segments":
        return `segment${reason.segments.length > 1 ? "s" : ""} ${reason.segments.map((s) => `${s.segment + 1} (Jaccard ${f2(s.meanJaccard)})`).join(", ")} often change${reason.segments.length > 1 ? "" : "s"} between resamples`;
    }
  });
  return `k = ${recommendation.k}: ${parts.join("; ")}.`;
}
