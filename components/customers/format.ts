import type { Translate } from "@/lib/i18n/translator";
import type { MessageKey } from "@/lib/i18n/messages";

/** Display helpers shared by the Customers views (server components). */

export function segmentLabel(t: Translate, segment: string | null): string {
  return segment ? t(`customerMetrics.seg_${segment}` as MessageKey) : t("customerMetrics.noPurchases");
}

export function tierLabel(t: Translate, tier: string): string {
  return t(`customerMetrics.tier_${tier}` as MessageKey);
}

export function formatNumber(locale: string, value: number, digits = 0): string {
  return value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatPercent(locale: string, share: number): string {
  return share.toLocaleString(locale, { style: "percent", maximumFractionDigits: 1 });
}
