/**
 * PostgreSQL binary COPY tuples (https://www.postgresql.org/docs/current/sql-copy.html, "Binary
 * Format"), written into one growing buffer per batch: int16 field count, then per field int32 byte
 * length (-1 for NULL) and the type's binary send format. Only the types the line tables use.
 */

/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01 00:00 UTC), in milliseconds. */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 4_294_967_296;
const NUMERIC_NEG = 0x4000;
const DIGITS = new Uint16Array(8);

export class TupleWriter {
  bytes: Buffer;
  length = 0;

  constructor(capacity = 1 << 20) {
    // Not from Node's pool: the batch's ArrayBuffer is transferred to the main thread whole.
    this.bytes = Buffer.from(new ArrayBuffer(capacity));
  }

  /** Room for n more bytes. */
  ensure(n: number) {
    if (this.length + n <= this.bytes.length) return;
    const grown = Buffer.from(new ArrayBuffer(Math.max(this.bytes.length * 2, this.length + n)));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  /** The tuples written so far (a view over a buffer that is handed over: the writer starts a new one). */
  take(): Uint8Array {
    const out = new Uint8Array(this.bytes.buffer, 0, this.length);
    this.bytes = Buffer.from(new ArrayBuffer(Math.max(1 << 16, this.bytes.length)));
    this.length = 0;
    return out;
  }

  // Plain byte stores: Buffer's write*BE methods check their arguments on every call. Callers ensure room.
  int16(v: number) {
    const b = this.bytes;
    const o = this.length;
    b[o] = v >>> 8;
    b[o + 1] = v;
    this.length = o + 2;
  }

  int32(v: number) {
    const b = this.bytes;
    const o = this.length;
    b[o] = v >>> 24;
    b[o + 1] = v >>> 16;
    b[o + 2] = v >>> 8;
    b[o + 3] = v;
    this.length = o + 4;
  }

  null() {
    this.int32(-1);
  }

  /** A field already encoded elsewhere (a uuid's 16 bytes, a text's UTF-8): length and bytes. Caller ensures room. */
  raw(source: Uint8Array, start: number, end: number) {
    this.int32(end - start);
    copyBytes(source, start, end, this.bytes, this.length);
    this.length += end - start;
  }

  text(value: string | null) {
    if (value === null) return this.null();
    this.ensure(4 + value.length * 3);
    const at = this.length;
    const n = this.bytes.write(value, at + 4, "utf8");
    this.bytes.writeInt32BE(n, at);
    this.length = at + 4 + n;
  }

  bool(v: boolean) {
    this.int32(1);
    this.bytes[this.length++] = v ? 1 : 0;
  }

  /** timestamptz from Unix milliseconds: int64 microseconds since 2000-01-01, split so every step stays exact. */
  timestamp(ms: number) {
    const d = ms - PG_EPOCH_MS;
    const high = Math.floor(d / TWO_32);
    const low = (d - high * TWO_32) * 1000; // < 2^42: exact
    const carry = Math.floor(low / TWO_32);
    this.int32(8);
    this.int32(high * 1000 + carry);
    this.int32(low - carry * TWO_32);
  }

  /**
   * numeric of magnitude `integer` + `fraction`/10^4 (fraction: the four decimals as one base-10000
   * digit), with `scale` decimals. integer must be an exact integer (< 2^53).
   */
  numeric(negative: boolean, integer: number, fraction: number, scale: number) {
    // Base-10000 digits, most significant first: the integer's groups, then the fraction's.
    const digits = DIGITS;
    let n = 0;
    for (let v = integer; v > 0; ) {
      const group = v % 10000;
      digits[n++] = group;
      v = (v - group) / 10000;
    }
    for (let i = 0, j = n - 1; i < j; i++, j--) {
      const t = digits[i]!;
      digits[i] = digits[j]!;
      digits[j] = t;
    }
    const weight = n - 1; // -1: no integer part
    digits[n] = fraction;
    let ndigits = n + 1;
    // Trailing zero digits are implied (1000000 is [100] with weight 1); zero has no digits at all.
    while (ndigits > 0 && digits[ndigits - 1] === 0) ndigits--;
    this.int32(8 + 2 * ndigits);
    this.int16(ndigits);
    this.int16(ndigits === 0 ? 0 : weight);
    this.int16(ndigits > 0 && negative ? NUMERIC_NEG : 0);
    this.int16(scale);
    for (let i = 0; i < ndigits; i++) this.int16(digits[i]!);
  }

  /** numeric from a value × 10^scale (scale 3 or 4), |scaled| < 2^53. */
  scaledNumeric(scaled: number, scale: 3 | 4) {
    const m = Math.abs(scaled);
    if (scale === 4) {
      const fraction = m % 10000;
      this.numeric(scaled < 0, (m - fraction) / 10000, fraction, 4);
    } else {
      const fraction = m % 1000;
      this.numeric(scaled < 0, (m - fraction) / 1000, fraction * 10, 3);
    }
  }

  /** numeric(…, 4) from a BigInt value × 10^4 (amounts beyond 2^53 / 10^4). */
  bigNumeric(scaled: bigint) {
    const m = scaled < 0n ? -scaled : scaled;
    this.numeric(scaled < 0n, Number(m / 10000n), Number(m % 10000n), 4);
  }
}

/** Copies source[start, end) to target[at…]: a loop for the short fields of a row, set() beyond (subarray views cost more than they save). */
export function copyBytes(source: Uint8Array, start: number, end: number, target: Uint8Array, at: number) {
  if (end - start > 48) return target.set(source.subarray(start, end), at);
  for (let i = start, o = at; i < end; i++, o++) target[o] = source[i]!;
}

/** A uuid's 16 bytes. */
export function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`Not a uuid: ${uuid}`);
  return Buffer.from(hex, "hex");
}

/** The 19-byte header and 2-byte trailer around tuples make a whole binary COPY stream (tests; the main thread adds its own). */
export const COPY_HEADER = Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)]);
export const COPY_TRAILER = Buffer.from([0xff, 0xff]);

/** Whether a[start, start + n) equals b[0, n) (a loop: short fields, where Buffer.compare's call costs more). */
export function sameBytes(a: Uint8Array, start: number, b: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[start + i] !== b[i]) return false;
  return true;
}
