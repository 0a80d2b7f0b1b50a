import { parseCsvRecords } from "./csv-parser";
import { previewCell } from "./import-limits";
import { DELIMITERS, type TImportKind, type TImportMapping } from "./schemas";
import { DATE_FORMATS, hasTimePart, parseDateTime, parseDecimal, type DateFormat, type DecimalSeparator } from "./values";

/** Guesses for the mapping step, from the first rows of the file only. */

export type ColumnType = "empty" | "number" | "date" | "datetime" | "text";
/** `mixed`: most sample values fit the type but not all (those rows will be reported as bad). */
export type DetectedColumn = { name: string; type: ColumnType; decimalSeparator?: DecimalSeparator; dateFormat?: DateFormat; sample: string; mixed?: boolean };
export type Detection = {
  delimiter: (typeof DELIMITERS)[number];
  header: string[];
  rows: string[][];
  columns: DetectedColumn[];
  decimalSeparator: DecimalSeparator;
  dateFormat: DateFormat;
  /** True when day and month could not be told apart in the sample (e.g. only 1/12/2010-like values). */
  dateFormatAmbiguous: boolean;
};

/** The delimiter that splits the first lines into the same number (> 1) of fields most consistently. */
export function detectDelimiter(text: string): (typeof DELIMITERS)[number] {
  let best: (typeof DELIMITERS)[number] = ",";
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const records = parseCsvRecords(text, delimiter).slice(0, 20);
    if (records.length === 0) continue;
    const width = records[0]!.fields.length;
    if (width < 2) continue;
    const consistent = records.filter((r) => r.fields.length === width).length / records.length;
    const score = consistent * 1000 + width;
    if (score > bestScore) (best = delimiter), (bestScore = score);
  }
  return best;
}

function detectColumn(name: string, values: string[]): DetectedColumn {
  const filled = values.map((v) => v.trim()).filter((v) => v !== "");
  const sample = previewCell(filled[0] ?? "");
  if (filled.length === 0) return { name, type: "empty", sample };
  // Most, not all: a few broken cells must not hide a column's type (they become bad rows on import).
  const fits = (test: (v: string) => boolean) => filled.filter(test).length;
  const most = (n: number) => n >= Math.max(1, Math.ceil(filled.length * 0.75));
  const typed = (type: ColumnType, n: number, extra: Partial<DetectedColumn>): DetectedColumn => ({ name, type, sample, ...extra, ...(n < filled.length ? { mixed: true } : {}) });
  const points = fits((v) => parseDecimal(v, "point") !== undefined);
  if (most(points)) return typed("number", points, { decimalSeparator: "point" });
  const commas = fits((v) => parseDecimal(v, "comma") !== undefined);
  if (most(commas)) return typed("number", commas, { decimalSeparator: "comma" });
  // Day-first slashes when any first part exceeds 12; month-first otherwise (US exports, the retail log).
  const dayFirst = filled.some((v) => +v.split("/")[0]! > 12);
  for (const format of DATE_FORMATS) {
    if ((format === "dmy-slash" && !dayFirst) || (format === "mdy-slash" && dayFirst)) continue;
    const dates = fits((v) => parseDateTime(v, format, "UTC") !== undefined);
    if (most(dates)) return typed(filled.some(hasTimePart) ? "datetime" : "date", dates, { dateFormat: format });
  }
  return { name, type: "text", sample };
}

/** Delimiter, header, preview rows and column types from the start of a file's text. */
export function detectFile(text: string, previewRows = 10): Detection {
  const delimiter = detectDelimiter(text);
  const records = parseCsvRecords(text, delimiter);
  const header = uniqueHeader(records[0]?.fields ?? []);
  const body = records.slice(1, 201).map((r) => r.fields);
  const columns = header.map((name, i) => detectColumn(name, body.map((row) => row[i] ?? "")));
  const decimalSeparator = columns.some((c) => c.decimalSeparator === "comma") ? "comma" : "point";
  const dated = columns.filter((c) => c.dateFormat);
  const dateFormat = dated[0]?.dateFormat ?? "iso";
  const slashValues = dated.filter((c) => c.dateFormat === "mdy-slash").flatMap((c) => body.map((row) => row[header.indexOf(c.name)] ?? ""));
  const dateFormatAmbiguous = dateFormat === "mdy-slash" && !slashValues.some((v) => +(v.split("/")[1] ?? 0) > 12);
  // Cells are shown as text, each cut to PREVIEW_CELL_CHARS; detection above saw them whole.
  const rows = body.slice(0, previewRows).map((row) => row.map(previewCell));
  return { delimiter, header, rows, columns, decimalSeparator, dateFormat, dateFormatAmbiguous };
}

/** Empty and repeated header names get a position-based name so every column can be referred to. */
export function uniqueHeader(fields: string[]): string[] {
  const seen = new Set<string>();
  return fields.map((raw, i) => {
    let name = raw.trim().replace(/^\uFEFF/, "");
    if (!name || seen.has(name)) name = `Column ${i + 1}`;
    seen.add(name);
    return name;
  });
}

const PATTERNS: Record<string, RegExp> = {
  customerId: /^(customer|client|user|member|account|asiakas|kund)[ _-]?(id|no|nr|number|numero|nummer|tunnus)?$|^(cust|customerid|asiakasnumero|kundnummer)$/i,
  orderId: /^(invoice|order|receipt|tilaus|lasku|kuitti|order|faktura|kvitto)[ _-]?(id|no|nr|number|numero|nummer)?$|^invoiceno$/i,
  occurredAt: /(date|time|timestamp|created|occurred|päivä|pvm|aika|datum|tid)/i,
  amount: /^(amount|total|sum|revenue|net|value|summa|yhteensä|belopp|totalt)([ _-]?(eur|usd|gbp|sek))?$/i,
  quantity: /^(quantity|qty|units|count|määrä|kpl|antal)$/i,
  unitPrice: /^(unit[ _-]?price|price|hinta|yksikköhinta|pris|styckpris)$/i,
  itemCode: /^(stock[ _-]?code|sku|item|item[ _-]?(id|code)|product|product[ _-]?(id|code)|tuote|tuotekoodi|artikel|artikelnummer)$/i,
  eventName: /^(event|event[ _-]?name|feature|action|tapahtuma|toiminto|händelse)$/i,
  lastActiveAt: /^(last[ _-]?(active|seen|login|activity)([ _-]?(at|date|on))?|viimeksi[ _-]?aktiivinen|senast[ _-]?aktiv)$/i,
  sessionsPerMonth: /sessions/i,
  activeDaysPerMonth: /active[ _-]?days/i,
};

const WANTS: Record<string, (c: DetectedColumn) => boolean> = {
  occurredAt: (c) => c.type === "date" || c.type === "datetime",
  lastActiveAt: (c) => c.type === "date" || c.type === "datetime",
  amount: (c) => c.type === "number",
  quantity: (c) => c.type === "number",
  unitPrice: (c) => c.type === "number",
  sessionsPerMonth: (c) => c.type === "number",
  activeDaysPerMonth: (c) => c.type === "number",
};

/** A first guess at the mapping from header names and detected types; the user adjusts it. */
export function proposeMapping(kind: TImportKind, columns: DetectedColumn[], rows: string[][] = []): TImportMapping {
  const pick = (field: string): string | undefined =>
    columns.find((c) => PATTERNS[field]!.test(c.name) && (WANTS[field]?.(c) ?? true))?.name;
  const customerId = pick("customerId");
  const base: TImportMapping = { attributes: [], cancellation: { orderIdPrefix: "", negative: true } } as unknown as TImportMapping;
  if (kind === "customers") {
    const id = customerId ?? columns[0]?.name;
    return {
      ...base,
      customerId: id,
      attributes: columns
        .filter((c) => c.name !== id && c.type !== "empty")
        .map((c) => ({ column: c.name, type: c.type === "number" && !c.mixed ? "number" : "text" })),
    };
  }
  if (kind === "transactions") {
    return {
      ...base,
      customerId,
      orderId: pick("orderId"),
      occurredAt: pick("occurredAt"),
      amount: pick("amount"),
      quantity: pick("quantity"),
      unitPrice: pick("unitPrice"),
      itemCode: pick("itemCode"),
      cancellation: { orderIdPrefix: cancellationPrefix(columns, rows, pick("orderId")), negative: true },
    };
  }
  if (kind === "usage_events") return { ...base, customerId, occurredAt: pick("occurredAt"), eventName: pick("eventName") };
  return { ...base, customerId, lastActiveAt: pick("lastActiveAt"), sessionsPerMonth: pick("sessionsPerMonth"), activeDaysPerMonth: pick("activeDaysPerMonth") };
}

/** "C" (the retail log's convention) when the sample's order ids are digits, some with a C before them. */
function cancellationPrefix(columns: DetectedColumn[], rows: string[][], orderColumn: string | undefined): string {
  const index = columns.findIndex((c) => c.name === orderColumn);
  if (index < 0) return "";
  const ids = rows.map((row) => (row[index] ?? "").trim()).filter(Boolean);
  return ids.length > 0 && ids.every((id) => /^C?\d+$/i.test(id)) ? "C" : "";
}
