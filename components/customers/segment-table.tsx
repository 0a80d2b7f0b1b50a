import { DataTable } from "@/components/ui/data-table";
import type { SegmentRow } from "@/db/queries/customer-metric-views";
import type { Translate } from "@/lib/i18n/translator";
import { formatNumber, formatPercent, segmentLabel } from "./format";

/** The named RFM segments: size, share, revenue share and averages. */
export function SegmentTable({ t, locale, segments }: { t: Translate; locale: string; segments: SegmentRow[] }) {
  const customers = segments.reduce((a, s) => a + s.customers, 0);
  const revenue = segments.reduce((a, s) => a + s.revenue, 0);
  return (
    <DataTable
      caption={t("customerMetrics.segmentsTitle")}
      showCaption
      columns={[
        { label: t("customerMetrics.segment") },
        { label: t("customerMetrics.customers"), align: "right" },
        { label: t("customerMetrics.share"), align: "right" },
        { label: t("customerMetrics.revenueShare"), align: "right" },
        { label: t("customerMetrics.avgRecency"), align: "right" },
        { label: t("customerMetrics.avgFrequency"), align: "right" },
        { label: t("customerMetrics.avgMonetary"), align: "right" },
      ]}
    >
      {segments.map((s) => (
        <tr key={s.segment ?? "none"}>
          <th scope="row" className="px-4 py-2 text-left font-medium">{segmentLabel(t, s.segment)}</th>
          <td className="px-4 py-2 text-right">{formatNumber(locale, s.customers)}</td>
          <td className="px-4 py-2 text-right">{formatPercent(locale, customers ? s.customers / customers : 0)}</td>
          <td className="px-4 py-2 text-right">{formatPercent(locale, revenue ? s.revenue / revenue : 0)}</td>
          <td className="px-4 py-2 text-right">{s.avgRecency === null ? "–" : formatNumber(locale, s.avgRecency, 0)}</td>
          <td className="px-4 py-2 text-right">{formatNumber(locale, s.avgFrequency, 1)}</td>
          <td className="px-4 py-2 text-right">{formatNumber(locale, s.avgMonetary, 2)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
