"use client";

import { Bar, CartesianGrid, Cell, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "@/components/i18n-provider";
import { formatMean, formatShare, profileDomain } from "@/components/segments/number-format";
import { variableLabel } from "@/components/segments/solution/labels";
import type { SegmentSummary, SegmentationSummary } from "@/lib/segmentation/profile-summary";
import { ChartFrame } from "./chart-frame";
import { segmentColor } from "./segment-colors";

const ROW_HEIGHT = 30;
const LABEL_WIDTH = 170;

/**
 * Dolnicar's segment profile plot: one panel per segment, a horizontal bar per basis variable for
 * the segment mean and a red dot for the total mean; bars that pass the marker rule (≥ 0.25
 * absolute or ≥ 50 % relative difference) are drawn in the segment's colour, the others grey.
 */
export function SegmentProfilePlot({ summary }: { summary: SegmentationSummary }) {
  const { t } = useI18n();
  // Bars grow from 0 (both ways for standardised data), so a mean at the bottom of a 1–5 scale still shows.
  const span = profileDomain([...summary.totalMeans, ...summary.segments.flatMap((segment) => segment.means)]);
  const domain = { min: Math.min(0, span.min), max: Math.max(0, span.max) };
  const labels = summary.variables.map((variable) => variableLabel(t, variable));
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {summary.segments.map((segment) => (
        <ProfilePanel key={segment.position} summary={summary} segment={segment} labels={labels} domain={domain} />
      ))}
    </div>
  );
}

function ProfilePanel({ summary, segment, labels, domain }: { summary: SegmentationSummary; segment: SegmentSummary; labels: string[]; domain: { min: number; max: number } }) {
  const { t, locale } = useI18n();
  const rows = labels.map((label, j) => ({
    label,
    mean: segment.means[j]!,
    total: summary.totalMeans[j]!,
    difference: segment.differences[j]!,
    marked: segment.marked[j]!,
  }));
  const title = t("segmentSolution.profilePanelTitle", { segment: segment.name, size: segment.size.toLocaleString(locale), share: formatShare(locale, segment.share) });
  const data = {
    columns: [t("segmentSolution.variable"), t("segmentSolution.segmentMean"), t("segmentSolution.totalMean"), t("segmentSolution.difference"), t("segmentSolution.marked")],
    rows: rows.map((row) => [row.label, row.mean, row.total, row.difference, row.marked ? t("segmentSolution.yes") : t("segmentSolution.no")]),
  };
  return (
    <ChartFrame
      title={title}
      description={t("segmentSolution.profilePanelDescription", { marked: rows.filter((row) => row.marked).length, count: rows.length })}
      data={data}
    >
      <ResponsiveContainer width="100%" height={rows.length * ROW_HEIGHT + 40}>
        <ComposedChart layout="vertical" data={rows} margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" domain={[domain.min, domain.max]} allowDecimals={false} tick={{ fontSize: 11, fill: "#475569" }} />
          <YAxis type="category" dataKey="label" width={LABEL_WIDTH} tick={{ fontSize: 11, fill: "#334155" }} interval={0} />
          <Tooltip formatter={(value) => formatMean(locale, Number(value))} />
          <Bar dataKey="mean" name={t("segmentSolution.segmentMean")} barSize={14} isAnimationActive={false}>
            {rows.map((row, j) => (
              <Cell key={j} fill={row.marked ? segmentColor(segment.position) : "#cbd5e1"} />
            ))}
          </Bar>
          <Line dataKey="total" name={t("segmentSolution.totalMean")} stroke="none" isAnimationActive={false} dot={{ r: 4, fill: "#dc2626", stroke: "#ffffff", strokeWidth: 1 }} activeDot={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
