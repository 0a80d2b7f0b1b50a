"use client";

import { useI18n } from "@/components/i18n-provider";
import type { SegmentationSummary } from "@/lib/segmentation/profile-summary";
import { formatNumber } from "./number-format";
import { SampleSizeWarning } from "./sample-size-warning";
import { SegmentProfileChart } from "./segment-profile-chart";
import { SegmentProfileTable } from "./segment-profile-table";
import { SegmentSizesTable } from "./segment-sizes-table";

/** Sizes, profile plot and profile table of a solution: the same view before and after saving. */
export function SegmentationResult({ summary, headingLevel = 2 }: { summary: SegmentationSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { t, locale } = useI18n();
  const stats = [
    { label: t("segments.statK"), value: formatNumber(locale, summary.k) },
    { label: t("segments.statN"), value: formatNumber(locale, summary.respondentCount) },
    { label: t("segments.statWithinSS"), value: formatNumber(locale, summary.withinSS, 2) },
    { label: t("segments.statRestarts"), value: formatNumber(locale, summary.restarts) },
    { label: t("segments.statSeed"), value: String(summary.seed) },
  ];
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stats.map((stat) => (
          <div key={stat.label} className="rounded-md border border-slate-200 bg-white px-3 py-2">
            <dt className="text-xs text-slate-600">{stat.label}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900">{stat.value}</dd>
          </div>
        ))}
      </dl>
      {summary.sampleSize.belowRecommendation && (
        <SampleSizeWarning
          usable={summary.respondentCount}
          minimum={summary.sampleSize.recommendedMinimum}
          statements={summary.variables.length}
        />
      )}
      <SegmentSizesTable summary={summary} />
      <section aria-labelledby="segment-profiles-heading" className="space-y-3">
        <Heading id="segment-profiles-heading" className="text-base font-semibold text-slate-900">
          {t("segments.profilesTitle")}
        </Heading>
        <p className="text-sm text-slate-600">{t("segments.profilesIntro")}</p>
        <SegmentProfileChart summary={summary} />
        <SegmentProfileTable summary={summary} />
      </section>
    </div>
  );
}
