import type { MessageKey } from "@/lib/i18n/messages";

/** Variables whose names the app itself gives (customer metrics, rule-based scores) are shown in the UI language. */
const KNOWN_VARIABLES: Record<string, MessageKey> = {
  "customer.rfm_segment": "segmentSolution.customerRfm",
  "customer.engagement_tier": "segmentSolution.customerTier",
  "customer.monetary": "segmentSolution.customerMonetary",
  "customer.frequency": "segmentSolution.customerFrequency",
  "customer.recency_days": "segmentSolution.customerRecency",
  "customer.churned": "segmentSolution.customerChurned",
  "customer.recency_score": "segmentSolution.recencyScore",
  "customer.frequency_score": "segmentSolution.frequencyScore",
  "customer.monetary_score": "segmentSolution.monetaryScore",
};

export function variableLabel(t: (key: MessageKey) => string, variable: { id: string; label: string }): string {
  const key = KNOWN_VARIABLES[variable.id];
  return key ? t(key) : variable.label;
}

export function methodLabel(t: (key: MessageKey) => string, method: string): string {
  if (method === "rfm_segments") return t("segmentSolution.methodRfm");
  if (method === "engagement_tiers") return t("segmentSolution.methodTiers");
  return t("segmentSolution.methodKmeans");
}

/** "< 0.001" or "= 0.034": how research reports print p-values. */
export function formatP(locale: string, p: number): string {
  if (p < 0.001) return `< ${new Intl.NumberFormat(locale).format(0.001)}`;
  return `= ${new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(p)}`;
}
