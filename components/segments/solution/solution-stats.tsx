"use client";

import { useI18n } from "@/components/i18n-provider";
import type { SegmentationSummary } from "@/lib/segmentation/profile-summary";
import { formatNumber } from "../number-format";

/** k, n, within-SS, restarts and seed of a k-means solution. */
export function SolutionStats({ summary }: { summary: SegmentationSummary }) {
  const { t, locale } = useI18n();
  const stats = [
    { label: t("segments.statK"), value: formatNumber(locale, summary.k) },
    { label: t("segments.statN"), value: formatNumber(locale, summary.respondentCount) },
    { label: t("segments.statWithinSS"), value: formatNumber(locale, summary.withinSS, 2) },
    { label: t("segments.statRestarts"), value: formatNumber(locale, summary.restarts) },
    { label: t("segments.statSeed"), value: String(summary.seed) },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {stats.map((stat) => (
        <div key={stat.label} className="rounded-md border border-slate-200 bg-white px-3 py-2">
          <dt className="text-xs text-slate-600">{stat.label}</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
