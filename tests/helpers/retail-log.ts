import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import type { DatabaseHandle } from "@/db/client";
import { DATASETS } from "@/lib/datasets";

/**
 * Loads a file in the layout of the UCI "Online Retail" log (InvoiceNo, StockCode, Description,
 * Quantity, InvoiceDate, UnitPrice, CustomerID, Country) straight into `transactions` with COPY —
 * for tests and the benchmark only; users import through the importer. Streams the (gzipped) file
 * line by line; times are read as UTC; an invoice number starting with "C" marks a cancellation.
 */

/** The repository's copy (db/seed/data), so the check runs on any machine. */
export const RETAIL_LOG = DATASETS.onlineRetail;
export const RETAIL_LOG_CANDIDATES = [RETAIL_LOG];

/** Splits one CSV line with double-quoted fields ("" inside quotes is a quote). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

function csvCell(value: string | null): string {
  if (value === null) return "";
  return /[",\n\r]/.test(value) || value === "" ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Exact decimal product of quantity and unit price, to 4 places (both inputs have few decimals). */
function lineAmount(quantity: string, unitPrice: string): string {
  const scale = (s: string) => (s.includes(".") ? s.split(".")[1]!.length : 0);
  const digits = (s: string) => BigInt(s.replace(".", "").replace(/^(-?)0+(?=\d)/, "$1"));
  const places = scale(quantity) + scale(unitPrice);
  let product = digits(quantity) * digits(unitPrice);
  const negative = product < 0n;
  if (negative) product = -product;
  const text = product.toString().padStart(places + 1, "0");
  const whole = places ? text.slice(0, -places) : text;
  const frac = places ? text.slice(-places) : "";
  return `${negative ? "-" : ""}${whole}.${frac.padEnd(4, "0").slice(0, 4)}`;
}

async function* copyRows(lines: AsyncIterable<string>, workspaceId: string): AsyncGenerator<string> {
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (lineNumber === 1 || !line.trim()) continue;
    const [invoice, stockCode, , quantity, invoiceDate, unitPrice, customerId] = splitCsvLine(line);
    const cells = [
      workspaceId,
      `L${lineNumber}`,
      customerId ? customerId : null,
      invoice!,
      `${invoiceDate}+00`,
      stockCode ?? null,
      quantity!,
      unitPrice!,
      lineAmount(quantity!, unitPrice!),
      invoice!.startsWith("C") ? "t" : "f",
    ];
    yield `${cells.map(csvCell).join(",")}\n`;
  }
}

const COPY_SQL =
  "copy transactions (workspace_id, line_key, customer_external_id, order_id, occurred_at, item_code, quantity, unit_price, amount, is_cancellation) from stdin with (format csv)";

/** COPYs the file into transactions of the workspace; returns the number of lines loaded. */
export async function loadRetailLog(handle: DatabaseHandle, params: { workspaceId: string; file: string }): Promise<number> {
  // Opened only when consumed: readline drops lines emitted before its iterator is attached.
  const openLines = () => {
    const input = createReadStream(params.file);
    const source = params.file.endsWith(".gz") ? input.pipe(createGunzip()) : input;
    return createInterface({ input: source, crlfDelay: Infinity });
  };
  let count = 0;
  const counted = async function* () {
    for await (const row of copyRows(openLines(), params.workspaceId)) {
      count++;
      yield row;
    }
  };
  if (handle.driver.kind === "postgres") {
    const writable = await handle.driver.client.unsafe(COPY_SQL).writable();
    await pipeline(Readable.from(counted()), writable);
  } else {
    // PGlite reads COPY input from a blob; send it in slices so memory stays bounded.
    const client = handle.driver.client;
    let chunk: string[] = [];
    const flush = async () => {
      if (!chunk.length) return;
      await client.query(COPY_SQL.replace("from stdin", "from '/dev/blob'"), [], { blob: new Blob(chunk) });
      chunk = [];
    };
    for await (const row of counted()) {
      chunk.push(row);
      if (chunk.length >= 50_000) await flush();
    }
    await flush();
  }
  return count;
}
