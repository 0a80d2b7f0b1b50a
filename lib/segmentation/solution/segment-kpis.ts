import { MIN_GROUP_SIZE } from "./descriptors";
import type { CustomerMetricValues } from "./descriptor-variables";

/**
 * The per-segment KPI row under the descriptor tables: size and share of the assigned
 * respondents, and where respondents match customers: LTV (mean total spend), churn rate,
 * NPS (% promoters 9–10 − % detractors 0–6) and the RFM segment mix. A figure resting on fewer
 * than MIN_GROUP_SIZE respondents is null and flagged hidden.
 */

export type RfmShare = { key: string; share: number };

export type SegmentKpis = {
  size: number;
  share: number;
  /** Respondents matched to a customer in the latest metric snapshot. */
  matched: number;
  ltv: number | null;
  churnRate: number | null;
  nps: number | null;
  npsN: number;
  /** Largest RFM segments first. */
  rfmMix: RfmShare[] | null;
  hidden: { ltv: boolean; churnRate: boolean; nps: boolean; rfmMix: boolean };
};

export function netPromoterScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return (100 * (promoters - detractors)) / scores.length;
}

function groupKpis(metrics: (CustomerMetricValues | null)[], nps: number[], size: number, total: number): SegmentKpis {
  const matched = metrics.filter((m): m is CustomerMetricValues => m !== null);
  const spend = matched.map((m) => m.monetary).filter((v): v is number => v !== null);
  const churnKnown = matched.map((m) => m.churned).filter((v): v is boolean => v !== null);
  const rfm = matched.map((m) => m.rfmSegment).filter((v): v is string => v !== null);
  const counts = new Map<string, number>();
  for (const key of rfm) counts.set(key, (counts.get(key) ?? 0) + 1);
  const enough = (n: number) => n >= MIN_GROUP_SIZE;
  return {
    size,
    share: total > 0 ? size / total : 0,
    matched: matched.length,
    ltv: enough(spend.length) ? spend.reduce((s, v) => s + v, 0) / spend.length : null,
    churnRate: enough(churnKnown.length) ? churnKnown.filter(Boolean).length / churnKnown.length : null,
    nps: enough(nps.length) ? netPromoterScore(nps) : null,
    npsN: nps.length,
    rfmMix: enough(rfm.length)
      ? [...counts].map(([key, count]) => ({ key, share: count / rfm.length })).sort((a, b) => b.share - a.share || a.key.localeCompare(b.key))
      : null,
    hidden: { ltv: spend.length > 0 && !enough(spend.length), churnRate: churnKnown.length > 0 && !enough(churnKnown.length), nps: nps.length > 0 && !enough(nps.length), rfmMix: rfm.length > 0 && !enough(rfm.length) },
  };
}

/** KPIs per segment and for all assigned respondents; `npsScores` is the first NPS question's answer per respondent, if any. */
export function segmentKpis(params: {
  segmentOf: ArrayLike<number>;
  k: number;
  metrics: readonly (CustomerMetricValues | null)[];
  npsScores: readonly (number | null)[] | null;
}): { segments: SegmentKpis[]; total: SegmentKpis } {
  const n = params.segmentOf.length;
  const byGroup = Array.from({ length: params.k }, () => ({ metrics: [] as (CustomerMetricValues | null)[], nps: [] as number[], size: 0 }));
  const all = { metrics: [] as (CustomerMetricValues | null)[], nps: [] as number[] };
  for (let i = 0; i < n; i++) {
    const group = byGroup[params.segmentOf[i]!]!;
    const metric = params.metrics[i] ?? null;
    const score = params.npsScores?.[i] ?? null;
    group.size += 1;
    group.metrics.push(metric);
    all.metrics.push(metric);
    if (score !== null) {
      group.nps.push(score);
      all.nps.push(score);
    }
  }
  return {
    segments: byGroup.map((group) => groupKpis(group.metrics, group.nps, group.size, n)),
    total: groupKpis(all.metrics, all.nps, n, n),
  };
}
