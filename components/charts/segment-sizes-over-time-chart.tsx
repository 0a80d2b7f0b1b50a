"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "@/components/i18n-provider";
import type { SizesOverTime } from "@/lib/segmentation/solution/sizes-over-time";
import { ChartFrame } from "./chart-frame";
import { segmentColor } from "./segment-colors";

/** Stacked bars of assigned respondents per month and segment, to follow segment sizes across waves. */
export function SegmentSizesOverTimeChart({ sizes, segmentNames }: { sizes: SizesOverTime; segmentNames: string[] }) {
  const { t } = useI18n();
  const rows = sizes.months.map((month, i) => ({ month, ...Object.fromEntries(segmentNames.map((_, position) => [`s${position}`, sizes.counts[i]![position]!])) }));
  const data = {
    columns: [t("segmentSolution.month"), ...segmentNames, ...segmentNames.map((segment) => t("segmentSolution.assignedLater", { segment }))],
    rows: sizes.months.map((month, i) => [month, ...sizes.counts[i]!, ...sizes.later[i]!]),
  };
  return (
    <ChartFrame title={t("segmentSolution.sizesTitle")} description={t("segmentSolution.sizesDescription")} data={data}>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend />
          {segmentNames.map((name, position) => (
            <Bar key={position} dataKey={`s${position}`} name={name} stackId="size" fill={segmentColor(position)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
