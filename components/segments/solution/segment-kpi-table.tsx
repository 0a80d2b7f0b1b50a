"use client";

import { useI18n } from "@/components/i18n-provider";
import { DataTable } from "@/components/ui/data-table";
import type { SegmentKpis } from "@/lib/segmentation/solution/segment-kpis";
import { formatNumber, formatShare } from "../number-format";

/** The per-segment KPI row set: size, share, matched customers, LTV, churn, NPS and RFM mix, small groups hidden. */
export function SegmentKpiTable({ segments, names, total, minGroupSize, withCustomers }: { segments: SegmentKpis[]; names: string[]; total: SegmentKpis; minGroupSize: number; withCustomers: boolean }) {
  const { t, locale } = useI18n();
  // RFM segments are stored as stable ids; older data may hold names, shown as they are.
  const rfmLabel = (key: string) => {
    const messageKey = `customerMetrics.seg_${key}` as Parameters<typeof t>[0];
    const label = t(messageKey);
    return label === messageKey ? key : label;
  };
  const hidden = t("segmentSolution.hidden", { min: minGroupSize });
  const dash = t("segmentSolution.notAvailable");
  const value = (v: number | null, wasHidden: boolean, format: (v: number) => string) => (v !== null ? format(v) : wasHidden ? hidden : dash);
  const columns = [
    { label: t("segments.segment") },
    { label: t("segmentSolution.kpiSize"), align: "right" as const },
    { label: t("segmentSolution.kpiShare"), align: "right" as const },
    ...(withCustomers
      ? [
          { label: t("segmentSolution.kpiMatched"), align: "right" as const },
          { label: t("segmentSolution.kpiLtv"), align: "right" as const },
          { label: t("segmentSolution.kpiChurn"), align: "right" as const },
        ]
      : []),
    { label: t("segmentSolution.kpiNps"), align: "right" as const },
    ...(withCustomers ? [{ label: t("segmentSolution.kpiRfmMix") }] : []),
  ];
  const row = (name: string, kpi: SegmentKpis, key: string, strong = false) => (
    <tr key={key} className={strong ? "bg-slate-50 font-medium" : undefined}>
      <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">{name}</th>
      <td className="px-4 py-2 text-right tabular-nums">{formatNumber(locale, kpi.size)}</td>
      <td className="px-4 py-2 text-right tabular-nums">{formatShare(locale, kpi.share)}</td>
      {withCustomers && (
        <>
          <td className="px-4 py-2 text-right tabular-nums">{formatNumber(locale, kpi.matched)}</td>
          <td className="px-4 py-2 text-right tabular-nums">{value(kpi.ltv, kpi.hidden.ltv, (v) => formatNumber(locale, v, 2))}</td>
          <td className="px-4 py-2 text-right tabular-nums">{value(kpi.churnRate, kpi.hidden.churnRate, (v) => formatShare(locale, v))}</td>
        </>
      )}
      <td className="px-4 py-2 text-right tabular-nums">{value(kpi.nps, kpi.hidden.nps, (v) => formatNumber(locale, v, 0))}</td>
      {withCustomers && (
        <td className="px-4 py-2 text-sm">
          {kpi.rfmMix ? kpi.rfmMix.slice(0, 3).map((mix) => `${rfmLabel(mix.key)} ${formatShare(locale, mix.share)}`).join(" · ") : kpi.hidden.rfmMix ? hidden : dash}
        </td>
      )}
    </tr>
  );
  return (
    <DataTable caption={t("segmentSolution.kpiTitle")} showCaption columns={columns}>
      {segments.map((kpi, position) => row(names[position] ?? "", kpi, String(position)))}
      {row(t("segmentSolution.total"), total, "total", true)}
    </DataTable>
  );
}
