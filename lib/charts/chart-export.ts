import { csvLine, type CsvValue } from "@/lib/responses/csv";

/** The numbers behind a chart, as a downloadable table. */
export type ChartData = { columns: string[]; rows: CsvValue[][] };

export function chartDataCsv(data: ChartData): string {
  return [csvLine(data.columns), ...data.rows.map((row) => csvLine(row))].join("");
}

/** A file name from a chart title: lower-case words joined by dashes, safe on every OS. */
export function chartFileName(title: string, extension: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "chart"}.${extension}`;
}

/** A standalone SVG document from the chart's SVG markup (namespaces and a white background added). */
export function standaloneSvg(markup: string, width: number, height: number): string {
  const withNamespace = markup.includes("xmlns=") ? markup : markup.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  const background = `<rect width="${width}" height="${height}" fill="#ffffff"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withNamespace.replace(/^(<svg[^>]*>)/, `$1${background}`)}`;
}

/** Chart data from keyed records (the shape chart libraries take), in the given column order. */
export function tableData(columns: readonly { key: string; label: string }[], rows: readonly Record<string, CsvValue>[]): ChartData {
  return { columns: columns.map((column) => column.label), rows: rows.map((row) => columns.map((column) => row[column.key] ?? null)) };
}
