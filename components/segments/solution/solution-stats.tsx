"use client";

import { useI18n } from "@/components/i18n-provider";
import { StatList } from "@/components/ui/stat-list";
import type { SegmentationSummary } from "@/lib/segmentation/profile-summary";
import { formatNumber } from "../number-format";

/** k, n, within-SS, restarts and seed of a k-means solution. */
export function solutionStats(summary: SegmentationSummary, t: (key: "segments.statK" | "segments.statN" | "segments.statWithinSS" | "segments.statRestarts" | "segments.statSeed") => string, locale: string) {
  return [
    { label: t("segments.statK"), value: formatNumber(locale, summary.k) },
    { label: t("segments.statN"), value: formatNumber(locale, summary.respondentCount) },
    { label: t("segments.statWithinSS"), value: formatNumber(locale, summary.withinSS, 2) },
    { label: t("segments.statRestarts"), value: formatNumber(locale, summary.restarts) },
    { label: t("segments.statSeed"), value: String(summary.seed) },
  ];
}

export function SolutionStats({ summary }: { summary: SegmentationSummary }) {
  const { t, locale } = useI18n();
  return <StatList stats={solutionStats(summary, t, locale)} />;
}
