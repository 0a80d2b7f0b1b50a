"use client";

import { useId, useRef, type ReactNode } from "react";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { chartCsv, downloadBlob, serializeSvg, svgToPng, type ChartColumn, type ChartRow } from "./chart-export";

type Props = {
  title: string;
  description?: ReactNode;
  /** The data behind the chart: shown as a table on request and downloadable as CSV. */
  columns: ChartColumn[];
  rows: ChartRow[];
  /** File name without extension for the downloads. */
  fileName: string;
  children: ReactNode;
};

/**
 * Every chart of the app sits in this frame: a visible title that also names the figure for screen
 * readers, the data as a table (collapsed), and CSV / PNG / SVG downloads.
 */
export function ChartFrame({ title, description, columns, rows, fileName, children }: Props) {
  const { t } = useI18n();
  const titleId = useId();
  const plot = useRef<HTMLDivElement>(null);
  const svg = () => plot.current?.querySelector<SVGSVGElement>("svg.chart-root, svg.recharts-surface") ?? null;

  return (
    <figure aria-labelledby={titleId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption id={titleId} className="text-sm font-semibold text-slate-900">
        {title}
      </figcaption>
      {description && <div className="mt-1 text-xs text-slate-600">{description}</div>}
      <div ref={plot} className="mt-3" role="img" aria-label={title}>
        {children}
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" className="!px-2 !py-1 text-xs" aria-label={`${t("charts.downloadCsv")}: ${title}`} onClick={() => downloadBlob(new Blob([chartCsv(columns, rows)], { type: "text/csv" }), `${fileName}.csv`)}>
          {t("charts.downloadCsv")}
        </Button>
        <Button
          variant="secondary"
          className="!px-2 !py-1 text-xs"
          aria-label={`${t("charts.downloadPng")}: ${title}`}
          onClick={async () => {
            const element = svg();
            if (element) downloadBlob(await svgToPng(element), `${fileName}.png`);
          }}
        >
          {t("charts.downloadPng")}
        </Button>
        <Button
          variant="secondary"
          className="!px-2 !py-1 text-xs"
          aria-label={`${t("charts.downloadSvg")}: ${title}`}
          onClick={() => {
            const element = svg();
            if (element) downloadBlob(new Blob([serializeSvg(element).text], { type: "image/svg+xml" }), `${fileName}.svg`);
          }}
        >
          {t("charts.downloadSvg")}
        </Button>
      </div>
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-slate-700">{t("charts.showTable")}</summary>
        <div className="mt-2 max-h-64 overflow-auto">
          <table className="min-w-full">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col" className="px-2 py-1 text-left font-medium text-slate-600">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i} className="border-t border-slate-100">
                  {columns.map((c) => (
                    <td key={c.key} className="px-2 py-1">
                      {row[c.key] ?? ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
