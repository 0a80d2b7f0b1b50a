"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type BarSeries = { key: string; label: string; color: string };

/** A plain bar chart (histograms, shares against a benchmark); several series draw as grouped bars. */
export function BarChartView({
  data,
  categoryKey,
  series,
  xLabel,
  yLabel,
  height = 240,
  percent = false,
}: {
  data: Record<string, string | number>[];
  categoryKey: string;
  series: BarSeries[];
  xLabel?: string;
  yLabel?: string;
  height?: number;
  percent?: boolean;
}) {
  const format = (v: number) => (percent ? `${Math.round(v * 100)} %` : v.toLocaleString());
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: xLabel ? 24 : 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey={categoryKey} tick={{ fontSize: 11, fill: "#475569" }} label={xLabel ? { value: xLabel, position: "insideBottom", offset: -16, fontSize: 11, fill: "#475569" } : undefined} />
        <YAxis allowDecimals={percent} tick={{ fontSize: 11, fill: "#475569" }} tickFormatter={format} label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", fontSize: 11, fill: "#475569" } : undefined} />
        <Tooltip formatter={(v) => format(Number(v))} />
        {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
