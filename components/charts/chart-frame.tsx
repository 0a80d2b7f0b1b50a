"use client";

import { useRef, type ReactNode } from "react";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { chartDataCsv, chartFileName, standaloneSvg, type ChartData } from "@/lib/charts/chart-export";

type Props = {
  title: string;
  description?: string;
  /** The numbers behind the chart: offered as CSV and as a table for screen readers and print. */
  data: ChartData;
  children: ReactNode;
};

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Every chart sits in one of these: a titled figure, downloads as SVG, PNG and CSV, and the same
 * numbers as a table behind a disclosure, so the chart is never the only way to read them.
 */
export function ChartFrame({ title, description, data, children }: Props) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);

  const svgDocument = () => {
    // recharts draws its plot and legend icons as separate SVGs; the plot is the largest one.
    const svgs = [...(container.current?.querySelectorAll("svg") ?? [])];
    const svg = svgs.sort((a, b) => b.clientWidth * b.clientHeight - a.clientWidth * a.clientHeight)[0];
    if (!svg) return undefined;
    const { width, height } = svg.getBoundingClientRect();
    return { text: standaloneSvg(new XMLSerializer().serializeToString(svg), Math.ceil(width), Math.ceil(height)), width, height };
  };

  const downloadSvg = () => {
    const svg = svgDocument();
    if (svg) download(new Blob([svg.text], { type: "image/svg+xml" }), chartFileName(title, "svg"));
  };

  const downloadPng = () => {
    const svg = svgDocument();
    if (!svg) return;
    const image = new Image();
    image.onload = () => {
      const scale = 2; // sharp on slides and high-density screens
      const canvas = document.createElement("canvas");
      canvas.width = Math.ceil(svg.width * scale);
      canvas.height = Math.ceil(svg.height * scale);
      const context = canvas.getContext("2d")!;
      context.scale(scale, scale);
      context.drawImage(image, 0, 0);
      canvas.toBlob((blob) => blob && download(blob, chartFileName(title, "png")), "image/png");
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  };

  return (
    <figure className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <figcaption>
        <span className="block font-medium text-slate-900">{title}</span>
        {description && <span className="block text-sm text-slate-600">{description}</span>}
      </figcaption>
      <div ref={container} role="img" aria-label={title}>
        {children}
      </div>
      <div className="no-print flex flex-wrap gap-2">
        <Button variant="secondary" onClick={downloadPng} aria-label={`${t("charts.downloadPng")}: ${title}`}>
          {t("charts.downloadPng")}
        </Button>
        <Button variant="secondary" onClick={downloadSvg} aria-label={`${t("charts.downloadSvg")}: ${title}`}>
          {t("charts.downloadSvg")}
        </Button>
        <Button
          variant="secondary"
          onClick={() => download(new Blob([chartDataCsv(data)], { type: "text/csv;charset=utf-8" }), chartFileName(title, "csv"))}
          aria-label={`${t("charts.downloadCsv")}: ${title}`}
        >
          {t("charts.downloadCsv")}
        </Button>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">{t("charts.showTable")}</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-left">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {data.columns.map((column) => (
                  <th key={column} scope="col" className="border-b border-slate-200 px-2 py-1 font-medium">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((value, column) => (
                    <td key={column} className="border-b border-slate-100 px-2 py-1">
                      {typeof value === "number" ? Number(value.toFixed(4)) : (value ?? "")}
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
