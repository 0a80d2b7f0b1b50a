"use client";

import { useI18n } from "@/components/i18n-provider";
import type { SegmentSummary, SegmentationSummary } from "@/lib/segmentation/profile-summary";
import { formatShare, profileDomain } from "./number-format";

/**
 * Dolnicar's segment profile plot in CSS: one panel per segment, a bar per statement for the
 * segment mean and a line for the total mean; marked bars are dark. Hidden from screen readers,
 * which read the same figures in the profile table.
 */
export function SegmentProfileChart({ summary }: { summary: SegmentationSummary }) {
  const { t } = useI18n();
  const domain = profileDomain([...summary.totalMeans, ...summary.segments.flatMap((segment) => segment.means)]);
  return (
    <div>
      <p className="mb-3 text-xs text-slate-600">
        {t("segments.chartLegend")} <span className="sr-only">{t("segments.chartNote")}</span>
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {summary.segments.map((segment) => (
          <ProfilePanel key={segment.position} summary={summary} segment={segment} domain={domain} />
        ))}
      </div>
    </div>
  );
}

function ProfilePanel({ summary, segment, domain }: { summary: SegmentationSummary; segment: SegmentSummary; domain: { min: number; max: number } }) {
  const { t, locale } = useI18n();
  const position = (value: number) => `${(100 * (value - domain.min)) / (domain.max - domain.min)}%`;
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-semibold text-slate-900">
        {t("segments.chartTitle", { segment: segment.name, share: formatShare(locale, segment.share) })}
      </figcaption>
      <ul aria-hidden="true" className="space-y-1.5">
        {summary.variables.map((variable, j) => (
          <li key={variable.id} className="text-xs">
            <div className="truncate text-slate-700" title={variable.label}>{variable.label}</div>
            <div className="relative h-3 rounded-sm bg-slate-100">
              <div
                className={`absolute inset-y-0 left-0 rounded-sm ${segment.marked[j] ? "bg-indigo-700" : "bg-slate-300"}`}
                style={{ width: position(segment.means[j]!) }}
              />
              <div className="absolute -inset-y-0.5 w-0.5 bg-red-600" style={{ left: position(summary.totalMeans[j]!) }} />
            </div>
          </li>
        ))}
      </ul>
      <div aria-hidden="true" className="mt-1 flex justify-between text-[10px] text-slate-500">
        <span>{domain.min}</span>
        <span>{domain.max}</span>
      </div>
    </figure>
  );
}
