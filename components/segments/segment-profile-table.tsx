"use client";

import { useI18n } from "@/components/i18n-provider";
import type { SegmentationSummary } from "@/lib/segmentation/profile-summary";
import { formatMean } from "./number-format";

/** Statements × segments with the total mean; marked cells carry an arrow and a text for screen readers. */
export function SegmentProfileTable({ summary }: { summary: SegmentationSummary }) {
  const { t, locale } = useI18n();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="px-4 py-2 text-left font-semibold text-slate-900">{t("segments.profilesTitle")}</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">{t("segments.statement")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("segments.total")}</th>
            {summary.segments.map((segment) => (
              <th key={segment.position} scope="col" className="px-3 py-2 text-right">{segment.name}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {summary.variables.map((variable, j) => (
            <tr key={variable.id}>
              <th scope="row" className="px-3 py-2 text-left font-normal text-slate-800">{variable.label}</th>
              <td className="px-3 py-2 text-right tabular-nums text-slate-600">{formatMean(locale, summary.totalMeans[j]!)}</td>
              {summary.segments.map((segment) => {
                const difference = segment.differences[j]!;
                const marked = segment.marked[j];
                const above = difference > 0;
                return (
                  <td
                    key={segment.position}
                    className={`px-3 py-2 text-right tabular-nums ${marked ? (above ? "bg-indigo-50 font-semibold text-indigo-900" : "bg-amber-50 font-semibold text-amber-900") : ""}`}
                  >
                    {marked && <span aria-hidden="true">{above ? "▲ " : "▼ "}</span>}
                    {formatMean(locale, segment.means[j]!)}
                    {marked && (
                      <span className="sr-only">
                        {" "}({t(above ? "segments.markedAbove" : "segments.markedBelow", { difference: formatMean(locale, Math.abs(difference)) })})
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
