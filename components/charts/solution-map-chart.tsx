"use client";

import { CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from "recharts";
import { useI18n } from "@/components/i18n-provider";
import { formatShare } from "@/components/segments/number-format";
import type { SolutionMap } from "@/lib/segmentation/solution/map-data";
import { ChartFrame } from "./chart-frame";
import { segmentColor } from "./segment-colors";

/** 1, 2 or 5 times a power of ten, at least `value`. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

/** PCA map of a solution: respondents coloured by segment, and each basis variable as an arrow from the origin. */
export function SolutionMapChart({ map, segmentNames, variableLabels }: { map: SolutionMap; segmentNames: string[]; variableLabels: string[] }) {
  const { t, locale } = useI18n();
  const xLabel = t("segmentSolution.mapAxis", { n: 1, share: formatShare(locale, map.explained[0]) });
  const yLabel = t("segmentSolution.mapAxis", { n: 2, share: formatShare(locale, map.explained[1]) });
  const bySegment = segmentNames.map((_, position) => map.points.filter((point) => point.segment === position));
  // One square, symmetric domain on both axes, so distances and arrow angles are not distorted.
  const extent = niceCeiling(Math.max(...map.points.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))), ...map.arrows.map((a) => Math.max(Math.abs(a.x), Math.abs(a.y))), 0.1) * 1.05);
  const domain: [number, number] = [-extent, extent];
  const ticks = [-extent, -extent / 2, 0, extent / 2, extent];
  const data = {
    columns: ["kind", "name", "segment", "x", "y"],
    rows: [
      ...map.arrows.map((arrow, j) => ["variable", variableLabels[j] ?? arrow.label, "", arrow.x, arrow.y]),
      ...map.points.map((point) => ["respondent", "", segmentNames[point.segment] ?? "", point.x, point.y]),
    ],
  };
  return (
    <ChartFrame
      title={t("segmentSolution.mapTitle")}
      description={`${t("segmentSolution.mapDescription")}${map.sampled ? ` ${t("segmentSolution.mapSampled", { shown: map.points.length, total: map.respondentCount })}` : ""}`}
      data={data}
    >
      <ResponsiveContainer width="100%" height={480}>
        <ScatterChart margin={{ top: 16, right: 24, bottom: 32, left: 16 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis type="number" dataKey="x" domain={domain} ticks={ticks} tickFormatter={(v: number) => v.toFixed(1)} label={{ value: xLabel, position: "insideBottom", offset: -16, fontSize: 12 }} tick={{ fontSize: 11 }} />
          <YAxis type="number" dataKey="y" domain={domain} ticks={ticks} tickFormatter={(v: number) => v.toFixed(1)} label={{ value: yLabel, angle: -90, position: "insideLeft", fontSize: 12 }} tick={{ fontSize: 11 }} />
          <ZAxis range={[18, 18]} />
          <Legend verticalAlign="top" />
          {bySegment.map((points, position) => (
            <Scatter key={position} name={segmentNames[position]} data={points} fill={segmentColor(position)} fillOpacity={0.55} isAnimationActive={false} />
          ))}
          {map.arrows.map((arrow, j) => (
            <ReferenceLine
              key={arrow.id}
              segment={[{ x: 0, y: 0 }, { x: arrow.x, y: arrow.y }]}
              stroke="#0f172a"
              strokeWidth={1.5}
              label={{ value: variableLabels[j] ?? arrow.label, position: "end", fontSize: 11, fill: "#0f172a" }}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
