"use client";

import { useI18n } from "@/components/i18n-provider";
import { StatList } from "@/components/ui/stat-list";
import type { SegmentationSummary } from "@/lib/segmentation/profile-summary";
import { SampleSizeWarning } from "./sample-size-warning";
import { SegmentProfileChart } from "./segment-profile-chart";
import { SegmentProfileTable } from "./segment-profile-table";
import { SegmentSizesTable } from "./segment-sizes-table";
import { solutionStats } from "./solution/solution-stats";

/** Sizes, profile plot and profile table of a solution: the same view before and after saving. */
export function SegmentationResult({ summary, headingLevel = 2 }: { summary: SegmentationSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { t, locale } = useI18n();
  const stats = solutionStats(summary, t, locale);
  return (
    <div className="space-y-6">
      <StatList stats={stats} />
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
