import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "./csv-parser";
import { reasonText, type BadRowReason } from "./bad-row-reasons";
import { badRowCsv, createRowConverter, type Converted } from "./row-converter";
import { ZStartImportInput, type TImportKind } from "./schemas";

function convert(kind: TImportKind, text: string, overrides: Record<string, unknown> = {}, mapping: Record<string, unknown> = {}) {
  const records = parseCsvRecords(text, ",");
  const header = records[0]!.fields;
  const input = ZStartImportInput.parse({ delimiter: ",", decimalSeparator: "point", dateFormat: "iso", timeZone: "UTC", badRowPolicy: "keep-good", ...overrides, mapping });
  const converter = createRowConverter(kind, input, header);
  return records.slice(1).map(converter);
}

/** A converted row as the report words it: "ok", or the English reason. */
const why = (r: Converted) => (r.ok ? "ok" : reasonText(r.reason));

describe("createRowConverter", () => {
  it("stages transaction lines with exact amounts, cancellations and repeatable keys", () => {
    const text = "order,item,qty,price,at,customer\n1,A,2,1.10,2023-01-01 10:00,c1\n1,A,2,1.10,2023-01-01 10:00,c1\nC2,A,-1,1.10,2023-01-02,c1\n3,B,1,5,2023-01-03,\n";
    const mapping = { orderId: "order", itemCode: "item", quantity: "qty", unitPrice: "price", occurredAt: "at", customerId: "customer", cancellation: { orderIdPrefix: "C", negative: false } };
    const rows = convert("transactions", text, {}, mapping);
    expect(rows.every((r) => r.ok)).toBe(true);
    const staged = rows.map((r) => (r.ok ? r.row : undefined)!);
    expect(staged[0]!.slice(2, 10)).toEqual(["c1", "1", "2023-01-01T10:00:00.000Z", "A", "2", "1.10", null, false]);
    // Identical lines stay distinct; the same file gives the same keys again.
    expect(staged[0]![1].split("#")[0]).toBe(staged[1]![1].split("#")[0]);
    expect([staged[0]![1].split("#")[1], staged[1]![1].split("#")[1]]).toEqual(["1", "2"]);
    expect(convert("transactions", text, {}, mapping).map((r) => (r.ok ? r.row[1] : ""))).toEqual(staged.map((r) => r[1]));
    expect(staged[2]![9]).toBe(true);
    expect(staged[3]![2]).toBeNull();
  });

  it("marks negative amounts and flagged rows as cancellations, and reads decimal commas", () => {
    const text = "order,at,amount,returned\n1,1.2.2024,\"-1.234,50\",0\n2,2.2.2024,\"10,00\",kyllä\n3,3.2.2024,\"5,00\",maybe\n";
    const rows = convert("transactions", text, { decimalSeparator: "comma", dateFormat: "dmy-dot" }, { orderId: "order", occurredAt: "at", amount: "amount", cancellation: { column: "returned", negative: true } });
    expect(rows[0]).toMatchObject({ ok: true, row: expect.arrayContaining(["-1234.50", true]) });
    expect(rows[1]).toMatchObject({ ok: true, row: expect.arrayContaining(["10.00", true]) });
    expect(why(rows[2])).toBe('unreadable cancellation marker "maybe" (use 1/0, yes/no or true/false)');
  });

  it("names the reason of every bad row", () => {
    const text = "order,at,amount,customer\n1,2023-01-01,10,c1\n1,2023-01-02,11,c1\n2,01/02/2023,5,c1\n3,2023-01-03,abc,c1\n,2023-01-03,1,c1\n4,2023-01-03\n5,2023-01-03,=cmd|' /C calc'!A0,c1\n";
    const rows = convert("transactions", text, {}, { orderId: "order", occurredAt: "at", amount: "amount", customerId: "customer" });
    expect(rows.map(why)).toEqual([
      "ok",
      'duplicate order id "1", first seen on line 2',
      'unparseable date "01/02/2023" (expected YYYY-MM-DD[ HH:mm[:ss]])',
      'unparseable amount "abc" (decimal point)',
      "missing order id",
      "expected 4 columns, found 2",
      `unparseable amount "=cmd|' /C calc'!A0" (decimal point)`,
    ]);
  });

  it("keeps customers' attributes as text or numbers, formulas as plain text, and refuses a repeated id", () => {
    const text = "id,age,note\nA,34,=HYPERLINK(\"x\")\nB,,plain\nA,35,again\nC,old,\n";
    const rows = convert("customers", text, {}, { customerId: "id", attributes: [{ column: "age", type: "number" }, { column: "note", type: "text" }] });
    expect(rows[0]).toMatchObject({ ok: true, row: expect.arrayContaining([{ age: 34, note: '=HYPERLINK("x")' }]) });
    expect(rows[1]).toMatchObject({ ok: true, row: expect.arrayContaining([{ age: null, note: "plain" }]) });
    expect(why(rows[2])).toBe('duplicate customer id "A", first seen on line 2');
    expect(why(rows[3])).toBe('unparseable age "old" (decimal point)');
  });

  it("stages usage events and summaries", () => {
    const events = convert("usage_events", "user,ts,event\nu1,2024-05-01T08:00:00Z,login\nu1,2024-05-01T08:00:00Z,login\n,2024-05-01,x\n", {}, { customerId: "user", occurredAt: "ts", eventName: "event" });
    expect(events.map((r) => (r.ok ? r.row[1].split("#")[1] : why(r)))).toEqual(["1", "2", "missing customer id"]);
    const summaries = convert("usage_summaries", "user,last,sessions\nu1,2024-05-01,12.5\nu1,2024-05-02,3\n", {}, { customerId: "user", lastActiveAt: "last", sessionsPerMonth: "sessions" });
    expect(summaries[0]).toMatchObject({ ok: true, row: expect.arrayContaining(["2024-05-01T00:00:00.000Z", "12.5"]) });
    expect(summaries[1]).toMatchObject({ ok: false });
  });

  it("refuses values the numeric columns cannot hold once rounded, and line amounts past numeric(18,4)", () => {
    const text = "order,qty,price,at\n1,2,9999999999.99995,2023-01-01\n2,9999999999,9999999999.9999,2023-01-01\n3,99999,999999999,2023-01-01\n4,-2,0.00005,2023-01-01\n";
    const rows = convert("transactions", text, {}, { orderId: "order", quantity: "qty", unitPrice: "price", occurredAt: "at" });
    expect(rows.map(why)).toEqual([
      'unit price "9999999999.99995" is out of range',
      'amount "9999999999 × 9999999999.9999" is out of range',
      "ok",
      "ok",
    ]);
  });
});

describe("badRowCsv", () => {
  it("writes a bad row as one CSV record that reads back field for field, quotes, commas and line breaks included", () => {
    const bad = { line: 42, reason: 'Unreadable date: "13/13/2010"', detail: { key: "unparseableDate", at: { field: "date" }, value: "13/13/2010", expected: "d/m/yyyy" } as BadRowReason, raw: '1,"A, B\r\nC",=cmd|x' };
    const csv = badRowCsv("00000000-0000-4000-8000-000000000002", bad);
    const [record, ...rest] = parseCsvRecords(csv, ",");
    expect(rest).toEqual([]);
    expect(record!.fields).toEqual(["00000000-0000-4000-8000-000000000002", "42", bad.reason, JSON.stringify(bad.detail), bad.raw]);
    // Text is always quoted, so COPY never reads an empty reason or line as NULL.
    expect(badRowCsv("i", { ...bad, reason: "", raw: "" })).toMatch(/^i,42,"","\{.*\}",""\n$/);
  });
});
