import { describe, expect, it } from "vitest";
import { decodeTuples } from "@/tests/helpers/copy-binary-decode";
import type { BadRowReason } from "./bad-row-reasons";
import { ByteCsvReader } from "./byte-csv";
import { CsvParser } from "./csv-parser";
import { LineEncoder } from "./line-encoder";
import { LineKeyer } from "./line-keys";
import { createRowConverter } from "./row-converter";
import { ZStartImportInput } from "./schemas";
import type { LineKind } from "./worker-protocol";

const IDS = { workspaceId: "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", importId: "9b2f4a52-8a43-4f0e-9f8e-2a0c1d3e4f50" };

/** A small seeded generator, so a failure names a reproducible file. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 4294967296);
}

const NUMBERS = ["6", "2.55", "-1", "0", "-0", "0.0005", "1.0005", "12.5", "007", "+3", "3.", ".5", "-.5", "1,234.56", "1.234,56", "1 234,5", "12,5", "-0,5", "abc", "", " 4 ", "9999999999", "99999999999", "9999999999.99995", "1e5", "\u00a012", "0.00015", "123.456789", "\"7\"", "1,0005", "0,00005", "-2,00015", "12,345678"];
const DATES = ["2010-12-01 08:26:00", "2010-12-01 08:26", "2010-12-01T08:26:00Z", "2023-07-01T14:30:05.5+03:00", "2023-03-26 03:30", "12/1/2010 8:26", "1.7.2023 klo 14.30", "24.12.2023", "31.2.2023", "", "yesterday", "2010-12-01 08:26:00"];
const TEXTS = ["536365", "C536379", "85123A", "Mäkinen", "", " padded ", "\u00a0nbsp", "x".repeat(201), '"quoted, with comma"', '"say ""hi"""', '"two\r\nlines"', "é", "17850", "17850", "=HYPERLINK(\"x\")"];
const FLAGS = ["1", "0", "yes", "", "kyllä", "maybe", "TRUE"];

/** A file of rows built from the pools above, with repeats (identical lines), short rows and trailing delimiters. */
function generate(seed: number, columns: number, delimiter: string, rows = 400): string {
  const next = random(seed);
  const pick = <T>(pool: readonly T[]) => pool[Math.floor(next() * pool.length)]!;
  const cell = (pool: readonly string[]) => {
    const v = pick(pool);
    if (delimiter !== "," && v.includes(",") && !v.startsWith('"')) return `"${v}"`;
    return v.includes(delimiter) && !v.startsWith('"') ? `"${v}"` : v;
  };
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = next();
    if (r < 0.1 && lines.length > 0) lines.push(pick(lines));
    else {
      const cells = [cell(TEXTS), cell(TEXTS), cell(NUMBERS), cell(NUMBERS), cell(DATES), cell(TEXTS), cell(NUMBERS), cell(FLAGS)].slice(0, columns);
      if (r > 0.97) cells.pop();
      if (r > 0.94 && r <= 0.97) cells.push("");
      lines.push(cells.join(delimiter));
    }
  }
  return lines.join(next() < 0.5 ? "\n" : "\r\n");
}

const HEADER = ["order", "item", "qty", "price", "at", "customer", "amount", "flag"];
const CONFIGS = [
  { kind: "transactions", delimiter: ",", decimalSeparator: "point", dateFormat: "iso", mapping: { orderId: "order", itemCode: "item", quantity: "qty", unitPrice: "price", occurredAt: "at", customerId: "customer", cancellation: { orderIdPrefix: "C", negative: true } } },
  { kind: "transactions", delimiter: ";", decimalSeparator: "comma", dateFormat: "dmy-dot", mapping: { orderId: "order", quantity: "qty", unitPrice: "price", occurredAt: "at", customerId: "customer", amount: "amount", cancellation: { column: "flag", negative: true } } },
  { kind: "transactions", delimiter: "\t", decimalSeparator: "point", dateFormat: "mdy-slash", mapping: { orderId: "order", itemCode: "item", quantity: "qty", unitPrice: "price", occurredAt: "at", cancellation: { orderIdPrefix: "", negative: false } } },
  { kind: "transactions", delimiter: ",", decimalSeparator: "point", dateFormat: "iso", mapping: { orderId: "order", occurredAt: "at", amount: "amount", customerId: "customer" } },
  { kind: "usage_events", delimiter: ",", decimalSeparator: "point", dateFormat: "iso", mapping: { customerId: "customer", occurredAt: "at", eventName: "item" } },
] as const;

function encodeAll(kind: LineKind, text: string, input: ReturnType<typeof ZStartImportInput.parse>, fastPath: boolean, pieceSize: number) {
  const reader = new ByteCsvReader(input.delimiter);
  const bytes = Buffer.from(text);
  let encoder: LineEncoder | undefined;
  const results: { line: number; reason: BadRowReason | null; raw: string }[] = [];
  const drain = () => {
    while (reader.next()) {
      if (!encoder) encoder = new LineEncoder(kind, input, reader.record().fields, IDS, { fastPath });
      else results.push({ line: reader.line, reason: encoder.convert(reader, true), raw: reader.raw() });
    }
  };
  for (let i = 0; i < bytes.length; i += pieceSize) (reader.push(bytes.subarray(i, i + pieceSize)), drain());
  reader.push(Buffer.alloc(0), true);
  drain();
  return { results, ...encoder!.take() };
}

describe("LineEncoder", () => {
  it.each(CONFIGS.map((c, i) => [i, c] as const))("config %i: the byte fast path gives the string path's decisions, reasons, keys and tuples", (i, config) => {
    const input = ZStartImportInput.parse({ timeZone: "Europe/Helsinki", badRowPolicy: "keep-good", ...config });
    const columns = config.kind === "usage_events" ? 6 : 8;
    for (let seed = 1; seed <= 6; seed++) {
      const text = `${HEADER.slice(0, columns).join(config.delimiter)}\n${generate(seed * 31 + i, columns, config.delimiter)}`;
      const fast = encodeAll(config.kind, text, input, true, 1 << 20);
      const slow = encodeAll(config.kind, text, input, false, 7 + seed);
      expect(fast.results, `seed ${seed}`).toEqual(slow.results);
      expect(fast.customerIds).toEqual(slow.customerIds);
      expect(Buffer.from(fast.tuples).equals(Buffer.from(slow.tuples)), `seed ${seed}: tuples`).toBe(true);
      // And the string path is the row converter over CsvParser's records: same lines, reasons and raw text.
      const records = new CsvParser(config.delimiter).push(text, true);
      const reference = createRowConverter(config.kind, input, records[0]!.fields);
      expect(slow.results).toEqual(records.slice(1).map((r) => {
        const c = reference(r);
        return { line: r.line, reason: c.ok ? null : c.reason, raw: r.raw };
      }));
      expect(slow.results.some((r) => r.reason === null)).toBe(true);
      expect(slow.results.some((r) => r.reason !== null)).toBe(true);
    }
  });

  it("writes the retail log's lines with the server's amounts, keys that repeat per file, and each customer once", () => {
    const input = ZStartImportInput.parse({ ...CONFIGS[0], timeZone: "UTC", badRowPolicy: "keep-good" });
    const text = "order,item,qty,price,at,customer\n536365,85123A,6,2.55,2010-12-01 08:26:00,17850\n536365,85123A,6,2.55,2010-12-01 08:26:00,17850\nC536379,D,-1,27.50,2010-12-01 09:41:00,\n536370,22728,24,3.75,2010-12-01 08:45:00,17850\n";
    const first = encodeAll("transactions", text, input, true, 1 << 20);
    const again = encodeAll("transactions", text, input, true, 5);
    expect(Buffer.from(first.tuples).equals(Buffer.from(again.tuples))).toBe(true);
    expect(first.customerIds).toEqual(["17850"]);
    const rows = decodeTuples(first.tuples, ["uuid", "text", "text", "text", "timestamptz", "text", "numeric", "numeric", "numeric", "bool", "uuid"]);
    expect(rows.map((r) => r.slice(2))).toEqual([
      ["17850", "536365", "2010-12-01T08:26:00.000Z", "85123A", "6.000", "2.5500", "15.3000", false, IDS.importId],
      ["17850", "536365", "2010-12-01T08:26:00.000Z", "85123A", "6.000", "2.5500", "15.3000", false, IDS.importId],
      [null, "C536379", "2010-12-01T09:41:00.000Z", "D", "-1.000", "27.5000", "-27.5000", true, IDS.importId],
      ["17850", "536370", "2010-12-01T08:45:00.000Z", "22728", "24.000", "3.7500", "90.0000", false, IDS.importId],
    ]);
    const keys = rows.map((r) => String(r[1]));
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{22}#1$/);
    expect(keys[1]).toBe(keys[0]!.replace("#1", "#2"));
    expect(new Set(keys).size).toBe(4);
  });
});

describe("LineKeyer", () => {
  it("keys identical content apart by occurrence, the same way in every run, and different content differently", () => {
    const keys = (parts: (string | null)[][]) => {
      const keyer = new LineKeyer();
      return parts.map((p) => keyer.keyFor(p));
    };
    const rows = [["1", "A", null], ["1", "A", null], ["1", null, "A"], ["1", "A", ""], ["1A", null, null], ["1", "A", null]];
    const first = keys(rows);
    expect(first.map((k) => k.split("#")[1])).toEqual(["1", "2", "1", "1", "1", "3"]);
    expect(new Set(first.map((k) => k.split("#")[0])).size).toBe(4);
    expect(keys(rows)).toEqual(first);
  });

  it("keeps counting correctly while its table grows past half a million contents", () => {
    const keyer = new LineKeyer();
    const seen = new Set<string>();
    for (let i = 0; i < 600_000; i++) seen.add(keyer.keyFor([String(i % 300_000)]));
    expect(seen.size).toBe(600_000);
    expect(keyer.keyFor(["7"]).endsWith("#3")).toBe(true);
  });
});
