import type { SegmentationVariable } from "@/db/schema/segments";
import type { RuleBasedMethod } from "./schemas";

export type RuleBasedRespondent = {
  responseId: string;
  rfmSegment: string | null;
  engagementTier: string | null;
  recencyScore: number | null;
  frequencyScore: number | null;
  monetaryScore: number | null;
};

export type RuleBasedGroups = {
  variables: SegmentationVariable[];
  totalMeans: number[];
  /** Largest first; ties by name. */
  segments: { name: string; size: number; means: number[] }[];
  responseIds: string[];
  positions: Int32Array;
};

/**
 * The basis-free "profile" of a rule-based solution: mean R, F and M scores (1–5) per group, so
 * the profile plot and the personas' distinctive variables work unchanged and share one scale.
 * When some group has no scored customer (e.g. engagement tiers of customers without purchases),
 * the solution gets no variables at all rather than means that mix in made-up values.
 */
export const RULE_BASED_VARIABLES: SegmentationVariable[] = [
  { id: "customer.recency_score", label: "Recency score (1–5)" },
  { id: "customer.frequency_score", label: "Frequency score (1–5)" },
  { id: "customer.monetary_score", label: "Monetary score (1–5)" },
];

const scoresOf = (r: RuleBasedRespondent) => [r.recencyScore, r.frequencyScore, r.monetaryScore];

function meanScores(members: readonly RuleBasedRespondent[]): number[] | null {
  const scored = members.filter((m) => scoresOf(m).every((s) => s !== null));
  if (scored.length === 0) return null;
  return [0, 1, 2].map((j) => scored.reduce((sum, m) => sum + scoresOf(m)[j]!, 0) / scored.length);
}

/** Groups respondents by their customer's RFM segment or engagement tier; respondents without one are left out. */
export function groupRuleBased(respondents: readonly RuleBasedRespondent[], method: RuleBasedMethod): RuleBasedGroups {
  const groupOf = (r: RuleBasedRespondent) => (method === "rfm_segments" ? r.rfmSegment : r.engagementTier);
  const members = new Map<string, RuleBasedRespondent[]>();
  for (const respondent of respondents) {
    const group = groupOf(respondent);
    if (group === null || group === "") continue;
    members.set(group, [...(members.get(group) ?? []), respondent]);
  }
  const ordered = [...members].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const means = ordered.map(([, list]) => meanScores(list));
  const included = ordered.flatMap(([, list]) => list);
  const total = meanScores(included);
  const withScores = total !== null && means.every((m) => m !== null);
  const responseIds: string[] = [];
  const positions: number[] = [];
  ordered.forEach(([, list], position) => {
    for (const member of list) {
      responseIds.push(member.responseId);
      positions.push(position);
    }
  });
  return {
    variables: withScores ? RULE_BASED_VARIABLES : [],
    totalMeans: withScores ? total : [],
    segments: ordered.map(([name, list], position) => ({ name, size: list.length, means: withScores ? means[position]! : [] })),
    responseIds,
    positions: Int32Array.from(positions),
  };
}
