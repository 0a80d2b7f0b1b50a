"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Point = { x: number; y: number | null };

/**
 * One measure per k (or per component) as a line with points: the scree of WSS, the silhouette
 * per k and the PCA scree share this shape. `highlight` draws a dashed line at the chosen x.
 */
export function KLineChart({ points, xLabel, yLabel, highlight, domain, format }: { points: Point[]; xLabel: string; yLabel: string; highlight?: number; domain?: [number, number]; format?: (value: number) => string }) {
  return (
    <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 480, height: 240 }}>
      <LineChart data={points} margin={{ top: 10, right: 20, bottom: 24, left: 10 }}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis dataKey="x" type="number" domain={["dataMin", "dataMax"]} allowDecimals={false} tickCount={points.length} label={{ value: xLabel, position: "insideBottom", offset: -12, fill: "#334155", fontSize: 12 }} tick={{ fontSize: 12, fill: "#334155" }} />
        <YAxis domain={domain ?? ["auto", "auto"]} tickFormatter={format} width={64} label={{ value: yLabel, angle: -90, position: "insideLeft", fill: "#334155", fontSize: 12, style: { textAnchor: "middle" } }} tick={{ fontSize: 12, fill: "#334155" }} />
        {highlight !== undefined && <ReferenceLine x={highlight} stroke="#4338ca" strokeDasharray="4 3" />}
        <Tooltip formatter={(value) => (typeof value === "number" && format ? format(value) : String(value))} labelFormatter={(label) => `${xLabel} ${label}`} />
        <Line type="linear" dataKey="y" name={yLabel} stroke="#4338ca" strokeWidth={2} dot={{ r: 4, fill: "#4338ca" }} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
