import { type BadRowReason, type FieldRef, type ReasonField } from "./bad-row-reasons";
import type { CsvRecord } from "./csv-parser";
import { LineKeyer } from "./line-keys";
import type { TImportKind, TStartImportInput } from "./schemas";
import { AMOUNT_INTEGER_DIGITS, exceedsIntegerDigits, lineAmountScaled, scaledDecimal, VALUE_INTEGER_DIGITS } from "./decimal";
import { parseBoolean, parseDateTime, parseDecimal } from "./values";

/**
 * One CSV record → one staged row or the reason it is bad. The same rules serve every kind; the
 * staged row is a positional tuple (compact to post between threads and to send as one JSON parameter).
 */
export type StagedRow = [
  line: number,
  key: string,
  customerExternalId: string | null,
  orderId: string | null,
  occurredAt: string | null,
  itemCode: string | null,
  quantity: string | null,
  unitPrice: string | null,
  amount: string | null,
  isCancellation: boolean | null,
  eventName: string | null,
  attributes: Record<string, string | number | null> | null,
  lastActiveAt: string | null,
  sessionsPerMonth: string | null,
  activeDaysPerMonth: string | null,
];
/** `reason`: the English text; `detail`: the same as a message key and values, for the report in any language. */
export type BadRow = { line: number; reason: string; detail: BadRowReason; raw: string };
export type Converted = { ok: true; row: StagedRow } | { ok: false; reason: BadRowReason };

const MAX_ID = 200;
const MAX_TEXT = 1000;
const DATE_HINT: Record<string, string> = {
  iso: "YYYY-MM-DD[ HH:mm[:ss]]",
  "dmy-dot": "DD.MM.YYYY[ HH:mm]",
  "mdy-slash": "M/D/YYYY[ H:mm]",
  "dmy-slash": "D/M/YYYY[ H:mm]",
};

/**
 * Thrown by a cell check to reject its row, and caught by the converter. Not an Error: capturing a
 * stack trace for each bad row cost more than all the rest of the row's work (1.5 s of 6.6 s for the
 * retail log's 135,080 rows without a customer, read as usage).
 */
class Bad {
  constructor(readonly reason: BadRowReason) {}
}
const bad = (reason: BadRowReason): never => {
  throw new Bad(reason);
};
const own = (field: ReasonField): FieldRef => ({ field });

/**
 * `keyer` is shared with the worker's byte-level fast path (line-encoder.ts), which handles the common
 * rows itself and hands every other row to this converter: both must count occurrences in one table.
 */
/** Where each mapped field sits in the header (-1: not mapped); shared by the string and the byte path. */
export function mappedColumns(mapping: TStartImportInput["mapping"], header: readonly string[]) {
  const index = (name: string | undefined) => (name ? header.indexOf(name) : -1);
  return {
    customer: index(mapping.customerId),
    order: index(mapping.orderId),
    at: index(mapping.occurredAt),
    amount: index(mapping.amount),
    quantity: index(mapping.quantity),
    unitPrice: index(mapping.unitPrice),
    item: index(mapping.itemCode),
    event: index(mapping.eventName),
    lastActive: index(mapping.lastActiveAt),
    sessions: index(mapping.sessionsPerMonth),
    activeDays: index(mapping.activeDaysPerMonth),
    cancelled: index(mapping.cancellation.column),
  };
}

export function createRowConverter(kind: TImportKind, input: TStartImportInput, header: string[], keyer = new LineKeyer()): (record: CsvRecord) => Converted {
  const { mapping, decimalSeparator, dateFormat, timeZone } = input;
  const col = mappedColumns(mapping, header);
  const attributes = mapping.attributes.map((a) => ({ ...a, index: header.indexOf(a.column) }));
  // Without a line-level column an order id is the row's identity, so a repeat is a mistake in the file.
  const orderIsRowKey = kind === "transactions" && col.item < 0 && col.quantity < 0;
  const firstSeen = new Map<string, number>();

  let fields: string[] = [];
  const cell = (i: number) => (i < 0 ? "" : (fields[i] ?? "").trim());
  const text = (i: number, at: FieldRef, max = MAX_TEXT): string | null => {
    const v = cell(i);
    if (v.length > max) bad({ key: "tooLong", at, max });
    return v === "" ? null : v;
  };
  const required = (i: number, at: FieldRef, max = MAX_ID): string => text(i, at, max) ?? bad({ key: "missing", at });
  /** `scale`: the column's decimals, when rounding to them could carry into an 11th integer digit. */
  const number = (i: number, at: FieldRef, scale?: number): string | null => {
    const v = cell(i);
    if (v === "") return null;
    const n = parseDecimal(v, decimalSeparator) ?? bad({ key: "unparseableNumber", at, value: v, separator: decimalSeparator === "comma" ? "comma" : "point" });
    // The database columns hold up to 10 integer digits; a longer value is a broken cell, not a price.
    if (n.replace(/^-/, "").split(".")[0]!.replace(/^0+/, "").length > VALUE_INTEGER_DIGITS) bad({ key: "outOfRange", at, value: v });
    // PostgreSQL rounds to the column's scale on the way in: 9999999999.99995 would overflow numeric(14,4).
    if (scale !== undefined && exceedsIntegerDigits(scaledDecimal(n, scale), scale, VALUE_INTEGER_DIGITS)) bad({ key: "outOfRange", at, value: v });
    return n;
  };
  const date = (i: number, at: FieldRef): string | null => {
    const v = cell(i);
    if (v === "") return null;
    const parsed = parseDateTime(v, dateFormat, timeZone) ?? bad({ key: "unparseableDate", at, value: v, expected: DATE_HINT[dateFormat]! });
    return parsed.toISOString();
  };
  const unique = (id: string, line: number, at: FieldRef) => {
    const first = firstSeen.get(id);
    if (first !== undefined) bad({ key: "duplicate", at, value: id, firstLine: first });
    firstSeen.set(id, line);
  };

  const convert = (line: number): StagedRow => {
    switch (kind) {
      case "customers": {
        const id = required(col.customer, own("customerId"));
        const attrs: Record<string, string | number | null> = {};
        for (const a of attributes) {
          if (a.type === "number") {
            const n = number(a.index, { column: a.column });
            attrs[a.column] = n === null ? null : Number(n);
          } else attrs[a.column] = text(a.index, { column: a.column });
        }
        unique(id, line, own("customerId"));
        return [line, id, id, null, null, null, null, null, null, null, null, attrs, null, null, null];
      }
      case "transactions": {
        const orderId = required(col.order, own("orderId"));
        const at = date(col.at, own("date")) ?? bad({ key: "missing", at: own("date") });
        const customer = text(col.customer, own("customerId"), MAX_ID);
        const quantity = number(col.quantity, own("quantity"));
        const unitPrice = number(col.unitPrice, own("unitPrice"), 4);
        const amount = col.amount >= 0 ? number(col.amount, own("amount")) ?? bad({ key: "missing", at: own("amount") }) : null;
        if (col.amount < 0 && (quantity === null || unitPrice === null)) bad({ key: "missing", at: own(quantity === null ? "quantity" : "unitPrice") });
        // The worker computes quantity × unit price now (the SQL merge used to): it must fit numeric(18,4).
        if (col.amount < 0 && exceedsIntegerDigits(lineAmountScaled(quantity!, unitPrice!), 4, AMOUNT_INTEGER_DIGITS)) {
          bad({ key: "outOfRange", at: own("amount"), value: `${quantity} × ${unitPrice}` });
        }
        const item = text(col.item, own("itemCode"), MAX_ID);
        let cancelled = false;
        if (mapping.cancellation.orderIdPrefix && orderId.startsWith(mapping.cancellation.orderIdPrefix)) cancelled = true;
        if (col.cancelled >= 0) {
          const v = cell(col.cancelled);
          const flag = parseBoolean(v);
          if (flag === undefined) bad({ key: "unreadableCancellation", value: v });
          cancelled ||= flag === true;
        }
        if (mapping.cancellation.negative && ((amount ?? "").startsWith("-") || (quantity ?? "").startsWith("-"))) cancelled = true;
        if (orderIsRowKey) unique(orderId, line, own("orderId"));
        const key = keyer.keyFor([orderId, item, quantity, unitPrice, amount, at, customer]);
        return [line, key, customer, orderId, at, item, quantity, unitPrice, amount, cancelled, null, null, null, null, null];
      }
      case "usage_events": {
        const customer = required(col.customer, own("customerId"));
        const at = date(col.at, own("date")) ?? bad({ key: "missing", at: own("date") });
        const event = text(col.event, own("eventName"), MAX_ID);
        const key = keyer.keyFor([customer, at, event]);
        return [line, key, customer, null, at, null, null, null, null, null, event, null, null, null, null];
      }
      case "usage_summaries": {
        const customer = required(col.customer, own("customerId"));
        const lastActive = date(col.lastActive, own("lastActiveDate"));
        const sessions = number(col.sessions, own("sessionsPerMonth"));
        const activeDays = number(col.activeDays, own("activeDaysPerMonth"));
        unique(customer, line, own("customerId"));
        return [line, customer, customer, null, null, null, null, null, null, null, null, null, lastActive, sessions, activeDays];
      }
    }
  };

  return (record) => {
    fields = record.fields;
    // Trailing empty cells (a delimiter at the end of each line) are tolerated; anything else must match the header.
    while (fields.length > header.length && fields[fields.length - 1] === "") fields = fields.slice(0, -1);
    if (fields.length !== header.length) return { ok: false, reason: { key: "columnCount", expected: header.length, found: fields.length } };
    try {
      return { ok: true, row: convert(record.line) };
    } catch (error) {
      if (error instanceof Bad) return { ok: false, reason: error.reason };
      throw error;
    }
  };
}

const csvText = (value: string) => `"${value.includes('"') ? value.replace(/"/g, '""') : value}"`;

/**
 * A staged row as one line of CSV for COPY into data_import_rows (the column order of STAGING_COLUMNS
 * in db/queries/data-imports). Unquoted empty is NULL to COPY; text is always quoted, so "" stays "".
 */
export function stagedRowCsv(importId: string, row: StagedRow): string {
  let line = importId;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    line += ",";
    if (v === null || v === undefined) continue;
    if (typeof v === "number") line += String(v);
    else if (typeof v === "boolean") line += v ? "t" : "f";
    else if (typeof v === "object") line += csvText(JSON.stringify(v));
    else line += csvText(v);
  }
  return `${line}\n`;
}

/**
 * A bad row as one line of CSV for COPY into data_import_errors (the column order of ERROR_COLUMNS in
 * db/queries/data-imports): the report of a file with many bad rows is written as fast as its good rows.
 */
export function badRowCsv(importId: string, bad: BadRow): string {
  return `${importId},${bad.line},${csvText(bad.reason)},${csvText(JSON.stringify(bad.detail))},${csvText(bad.raw)}\n`;
}
