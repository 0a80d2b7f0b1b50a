"use client";

import { useI18n } from "@/components/i18n-provider";
import { DataTable } from "@/components/ui/data-table";
import type { SegmentationSummary } from "@/lib/segmentation/profile-summary";
import { formatNumber, formatShare } from "./number-format";

export function SegmentSizesTable({ summary }: { summary: SegmentationSummary }) {
  const { t, locale } = useI18n();
  return (
    <DataTable
      caption={t("segments.sizesTitle")}
      showCaption
      columns={[{ label: t("segments.segment") }, { label: t("segments.respondents"), align: "right" }, { label: t("segments.share") }]}
    >
          {summary.segments.map((segment) => (
            <tr key={segment.position}>
              <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">{segment.name}</th>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(locale, segment.size)}</td>
              <td className="px-3 py-2">
                <div className="flex items-center gap-2">
                  <span className="w-14 tabular-nums">{formatShare(locale, segment.share)}</span>
                  <span aria-hidden="true" className="h-2 min-w-16 flex-1 rounded-sm bg-slate-100">
                    <span className="block h-2 rounded-sm bg-indigo-600" style={{ width: `${100 * segment.share}%` }} />
                  </span>
                </div>
              </td>
            </tr>
          ))}
    </DataTable>
  );
}
