import type { BadRowReason } from "./bad-row-reasons";
import { utf8Text } from "./buffer-text";
import { ESCAPED, type ByteCsvReader } from "./byte-csv";
import { copyBytes, sameBytes, TupleWriter, uuidBytes } from "./copy-binary";
import { AMOUNT_INTEGER_DIGITS, lineAmountScaled, scaledDecimal } from "./decimal";
import { FieldReader } from "./line-fields";
import { KeyContent, LineKeyer, MAX_KEY_BYTES } from "./line-keys";
import { createRowConverter, mappedColumns, type StagedRow } from "./row-converter";
import type { TStartImportInput } from "./schemas";
import { parseBoolean } from "./values";
import type { LineKind } from "./worker-protocol";

const MAX_ID = 200;
const MAX_EXACT_PRODUCT = Number.MAX_SAFE_INTEGER;
/** numeric(14,4) holds 10 integer digits: a unit price that rounds up to 10^10 is out of range. */
const MAX_PRICE_SCALED = 1e14;
const MAX_AMOUNT_SCALED = 10n ** BigInt(AMOUNT_INTEGER_DIGITS + 4);

/**
 * Transaction lines and usage events → binary COPY tuples (LINE_COPY_COLUMNS order). The common
 * row is read straight from the file's bytes (FieldReader) and its text fields copied as they are;
 * any row the fast path does not fully understand — including every bad row — goes through the
 * string-based row converter, which decides and words its reason as before. Both paths count key
 * occurrences in the same LineKeyer and encode the same values.
 */
export class LineEncoder {
  readonly tuples = new TupleWriter();
  /** Customer ids first named (in this file) by the good rows written since the last `take`. */
  customerIds: string[] = [];

  private readonly keyer = new LineKeyer();
  private readonly content = new KeyContent();
  private readonly fields: FieldReader;
  private readonly convertRecord: ReturnType<typeof createRowConverter>;
  private readonly workspace: Buffer;
  private readonly importId: Buffer;
  private readonly col: ReturnType<typeof mappedColumns>;
  private readonly fast: boolean;
  private readonly cancelPrefix: Buffer;
  private readonly cancelNegative: boolean;
  private readonly seenCustomers = new Set<string>();
  private lastCustomer = Buffer.alloc(256);
  private lastCustomerLength = -1;

  constructor(
    private readonly kind: LineKind,
    input: TStartImportInput,
    private readonly header: string[],
    ids: { workspaceId: string; importId: string },
    /** Tests turn the fast path off to compare it with the string path. */
    options: { fastPath?: boolean } = {},
  ) {
    const { mapping } = input;
    this.col = mappedColumns(mapping, header);
    this.fields = new FieldReader(input.decimalSeparator, input.dateFormat, input.timeZone);
    this.convertRecord = createRowConverter(kind, input, header, this.keyer);
    this.workspace = uuidBytes(ids.workspaceId);
    this.importId = uuidBytes(ids.importId);
    this.cancelPrefix = Buffer.from(mapping.cancellation.orderIdPrefix, "utf8");
    this.cancelNegative = mapping.cancellation.negative;
    // An order id that is the row's identity must be checked for repeats: the converter does that.
    this.fast = options.fastPath !== false && !(kind === "transactions" && this.col.item < 0 && this.col.quantity < 0);
  }

  /** The reader's current record: null when good (its tuple written when `stage`), else why it is bad. */
  convert(r: ByteCsvReader, stage: boolean): BadRowReason | null {
    if (this.fast && (this.kind === "transactions" ? this.fastTransaction(r, stage) : this.fastEvent(r, stage))) return null;
    const result = this.convertRecord(r.record());
    if (!result.ok) return result.reason;
    if (stage) this.encodeRow(result.row);
    return null;
  }

  /** The batch so far: its tuples and the customer ids it names first. */
  take(): { tuples: Uint8Array; customerIds: string[] } {
    const batch = { tuples: this.tuples.take(), customerIds: this.customerIds };
    this.customerIds = [];
    return batch;
  }

  /** Trailing empty cells are tolerated; otherwise the record must have the header's width. */
  private width(r: ByteCsvReader): boolean {
    let n = r.count;
    while (n > this.header.length && r.kinds[n - 1] !== ESCAPED && r.starts[n - 1] === r.ends[n - 1]) n--;
    return n === this.header.length;
  }

  private fastTransaction(r: ByteCsvReader, stage: boolean): boolean {
    const f = this.fields;
    const b = r.bytes;
    const col = this.col;
    if (!this.width(r)) return false;
    if (!f.cell(r, col.order) || f.s === f.e || f.e - f.s > MAX_ID) return false;
    const orderS = f.s;
    const orderE = f.e;
    if (!f.cell(r, col.at) || f.s === f.e || !f.date(b, f.s, f.e)) return false;
    if (!f.cell(r, col.customer) || f.e - f.s > MAX_ID) return false;
    const customerS = f.s;
    const customerE = f.e;
    if (!f.cell(r, col.quantity)) return false;
    const quantityS = f.s;
    const quantityE = f.e;
    const hasQuantity = quantityS < quantityE;
    if (hasQuantity && !f.number(b, quantityS, quantityE, 3)) return false;
    const quantity = f.scaled;
    const quantityNegative = hasQuantity && f.negative;
    if (!f.cell(r, col.unitPrice)) return false;
    const priceS = f.s;
    const priceE = f.e;
    const hasPrice = priceS < priceE;
    if (hasPrice && (!f.number(b, priceS, priceE, 4) || Math.abs(f.scaled) >= MAX_PRICE_SCALED)) return false;
    const price = f.scaled;
    let amount = 0;
    let bigAmount: bigint | undefined;
    let amountS = 0;
    let amountE = 0;
    let amountNegative = false;
    if (col.amount >= 0) {
      if (!f.cell(r, col.amount) || f.s === f.e || !f.number(b, f.s, f.e, 4)) return false;
      amount = f.scaled;
      amountNegative = f.negative;
      amountS = f.s;
      amountE = f.e;
    } else {
      if (!hasQuantity || !hasPrice) return false;
      // quantity (×10^3) × unit price (×10^4), rounded half away from zero to 4 decimals.
      const product = Math.abs(quantity) * Math.abs(price);
      if (product <= MAX_EXACT_PRODUCT) {
        const rest = product % 1000;
        amount = (product - rest) / 1000 + (rest >= 500 ? 1 : 0);
        if (quantity < 0 !== price < 0) amount = -amount;
      } else {
        const big = BigInt(quantity) * BigInt(price);
        const magnitude = (big < 0n ? -big : big) / 1000n + ((big < 0n ? -big : big) % 1000n >= 500n ? 1n : 0n);
        if (magnitude >= MAX_AMOUNT_SCALED) return false;
        bigAmount = big < 0n ? -magnitude : magnitude;
      }
    }
    if (!f.cell(r, col.item) || f.e - f.s > MAX_ID) return false;
    const itemS = f.s;
    const itemE = f.e;
    let cancelled = this.cancelPrefix.length > 0 && orderE - orderS >= this.cancelPrefix.length && sameBytes(b, orderS, this.cancelPrefix, this.cancelPrefix.length);
    if (col.cancelled >= 0) {
      const flag = parseBoolean(r.text(col.cancelled));
      if (flag === undefined) return false;
      cancelled ||= flag;
    }
    if (this.cancelNegative && (amountNegative || quantityNegative)) cancelled = true;

    // The row is good: key it (this counts its occurrence), note its customer, write its tuple.
    const k = this.content;
    const sep = f.commaToPoint;
    k.reset();
    k.range(b, orderS, orderE);
    if (itemS < itemE) k.range(b, itemS, itemE);
    else k.missing();
    if (hasQuantity) k.range(b, quantityS, quantityE, sep, 46);
    else k.missing();
    if (hasPrice) k.range(b, priceS, priceE, sep, 46);
    else k.missing();
    if (col.amount >= 0) k.range(b, amountS, amountE, sep, 46);
    else k.missing();
    k.range(f.isoBytes, 0, f.isoBytes.length);
    if (customerS < customerE) k.range(b, customerS, customerE);
    else k.missing();
    const w = this.tuples;
    w.ensure(256 + (orderE - orderS) + (itemE - itemS) + (customerE - customerS));
    const keyAt = w.length + 2 + 20 + 4;
    const keyLength = this.keyer.write(k.bytes, k.length, w.bytes, keyAt);
    if (!stage) return true;
    if (customerS < customerE) this.noteCustomerBytes(b, customerS, customerE);
    w.int16(11);
    w.raw(this.workspace, 0, 16);
    w.int32(keyLength);
    w.length += keyLength;
    if (customerS < customerE) w.raw(b, customerS, customerE);
    else w.null();
    w.raw(b, orderS, orderE);
    w.timestamp(f.ms);
    if (itemS < itemE) w.raw(b, itemS, itemE);
    else w.null();
    if (hasQuantity) w.scaledNumeric(quantity, 3);
    else w.null();
    if (hasPrice) w.scaledNumeric(price, 4);
    else w.null();
    if (bigAmount !== undefined) w.bigNumeric(bigAmount);
    else w.scaledNumeric(amount, 4);
    w.bool(cancelled);
    w.raw(this.importId, 0, 16);
    return true;
  }

  private fastEvent(r: ByteCsvReader, stage: boolean): boolean {
    const f = this.fields;
    const b = r.bytes;
    if (!this.width(r)) return false;
    if (!f.cell(r, this.col.customer) || f.s === f.e || f.e - f.s > MAX_ID) return false;
    const customerS = f.s;
    const customerE = f.e;
    if (!f.cell(r, this.col.at) || f.s === f.e || !f.date(b, f.s, f.e)) return false;
    if (!f.cell(r, this.col.event) || f.e - f.s > MAX_ID) return false;
    const eventS = f.s;
    const eventE = f.e;
    const k = this.content;
    k.reset();
    k.range(b, customerS, customerE);
    k.range(f.isoBytes, 0, f.isoBytes.length);
    if (eventS < eventE) k.range(b, eventS, eventE);
    else k.missing();
    const w = this.tuples;
    w.ensure(256 + (customerE - customerS) + (eventE - eventS));
    const keyAt = w.length + 2 + 20 + 4;
    const keyLength = this.keyer.write(k.bytes, k.length, w.bytes, keyAt);
    if (!stage) return true;
    this.noteCustomerBytes(b, customerS, customerE);
    w.int16(6);
    w.raw(this.workspace, 0, 16);
    w.int32(keyLength);
    w.length += keyLength;
    w.raw(b, customerS, customerE);
    w.timestamp(f.ms);
    if (eventS < eventE) w.raw(b, eventS, eventE);
    else w.null();
    w.raw(this.importId, 0, 16);
    return true;
  }

  /** A row from the string-based converter, encoded with the same values the fast path would give. */
  private encodeRow(row: StagedRow) {
    const [, key, customer, orderId, at, item, quantity, unitPrice, amount, cancelled, event] = row;
    const w = this.tuples;
    w.ensure(256 + MAX_KEY_BYTES);
    if (customer !== null) this.noteCustomer(customer);
    w.int16(this.kind === "transactions" ? 11 : 6);
    w.raw(this.workspace, 0, 16);
    w.text(key);
    w.text(customer);
    if (this.kind === "transactions") {
      w.text(orderId);
      w.ensure(256);
      w.timestamp(Date.parse(at!));
      w.text(item);
      w.ensure(256);
      if (quantity === null) w.null();
      else w.scaledNumeric(Number(scaledDecimal(quantity, 3)), 3);
      if (unitPrice === null) w.null();
      else w.scaledNumeric(Number(scaledDecimal(unitPrice, 4)), 4);
      w.bigNumeric(amount !== null ? scaledDecimal(amount, 4) : lineAmountScaled(quantity!, unitPrice!));
      w.bool(cancelled === true);
    } else {
      w.ensure(256);
      w.timestamp(Date.parse(at!));
      w.text(event);
    }
    w.ensure(32);
    w.raw(this.importId, 0, 16);
  }

  private noteCustomer(id: string) {
    this.lastCustomerLength = -1;
    if (this.seenCustomers.has(id)) return;
    this.seenCustomers.add(id);
    this.customerIds.push(id);
  }

  /** Lines come grouped by order, so mostly the customer is the previous line's: compared as bytes, no string made. */
  private noteCustomerBytes(b: Buffer, s: number, e: number) {
    const n = e - s;
    if (n === this.lastCustomerLength && sameBytes(b, s, this.lastCustomer, n)) return;
    this.noteCustomer(utf8Text(b, s, e));
    if (n > this.lastCustomer.length) this.lastCustomer = Buffer.alloc(n * 2);
    copyBytes(b, s, e, this.lastCustomer, 0);
    this.lastCustomerLength = n;
  }
}
