import { utf8Text } from "./buffer-text";
import { ESCAPED, type ByteCsvReader } from "./byte-csv";
import { copyBytes, sameBytes } from "./copy-binary";
import type { DateFormat, DecimalSeparator } from "./values";
import { parseDateTime } from "./values";

/**
 * Reading cells of the current record straight from its bytes, for the common shapes only: a
 * method returns false whenever the cell is anything else (escaped quotes, non-ASCII at an edge,
 * grouped digits, a date that does not parse…), and the row then goes through the string-based
 * row converter, which decides and words the reason exactly as before.
 */
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const FIVE = 53;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

export class FieldReader {
  /** The last cell's trimmed byte range. */
  s = 0;
  e = 0;
  /** The last number: value × 10^scale, and whether its text starts with "-" (cancellation by sign). */
  scaled = 0;
  negative = false;
  /** The last date: Unix milliseconds and its ISO text (part of the line key). */
  ms = 0;
  iso = "";
  isoBytes = Buffer.alloc(0);

  private readonly separator: number;
  private lastDate = Buffer.alloc(64);
  private lastDateLength = -1;

  constructor(
    decimalSeparator: DecimalSeparator,
    private readonly dateFormat: DateFormat,
    private readonly timeZone: string,
  ) {
    this.separator = decimalSeparator === "comma" ? 44 : 46;
  }

  /** The separator byte to turn into "." in a number's normalised text (-1: none to replace). */
  get commaToPoint() {
    return this.separator === 44 ? 44 : -1;
  }

  /** Field i's trimmed range (an unmapped column, i < 0, is empty); false when it needs the string path. */
  cell(r: ByteCsvReader, i: number): boolean {
    if (i < 0) return ((this.s = this.e = 0), true);
    if (r.kinds[i] === ESCAPED) return false;
    const b = r.bytes;
    let s = r.starts[i]!;
    let e = r.ends[i]!;
    while (s < e && isSpace(b[s]!)) s++;
    while (e > s && isSpace(b[e - 1]!)) e--;
    // Non-ASCII at an edge may be Unicode white space (no-break space…), which String.trim removes.
    if (s < e && (b[s]! >= 0x80 || b[e - 1]! >= 0x80)) return false;
    this.s = s;
    this.e = e;
    return true;
  }

  /**
   * A plain decimal ("-12", "3.5", "3,5" with a decimal comma) of at most 10 integer digits, rounded
   * half away from zero to `scale` decimals into `scaled` (< 10^14, exact in a double).
   */
  number(b: Uint8Array, s: number, e: number, scale: number): boolean {
    let i = s;
    const negative = b[i] === MINUS;
    if (negative) i++;
    const intStart = i;
    while (i < e && b[i]! >= ZERO && b[i]! <= NINE) i++;
    const intEnd = i;
    if (intEnd === intStart) return false;
    let fracStart = e;
    if (i < e) {
      if (b[i] !== this.separator) return false;
      fracStart = ++i;
      while (i < e && b[i]! >= ZERO && b[i]! <= NINE) i++;
      if (i === fracStart || i !== e) return false;
    }
    let z = intStart;
    while (z < intEnd && b[z] === ZERO) z++;
    if (intEnd - z > 10) return false;
    let v = 0;
    for (let k = z; k < intEnd; k++) v = v * 10 + (b[k]! - ZERO);
    for (let k = 0; k < scale; k++) v = v * 10 + (fracStart + k < e ? b[fracStart + k]! - ZERO : 0);
    if (fracStart + scale < e && b[fracStart + scale]! >= FIVE) v++;
    this.scaled = negative ? -v : v;
    this.negative = negative;
    return true;
  }

  /** A date in the import's format and zone. Invoice lines repeat their timestamp: the last one is remembered. */
  date(b: Buffer, s: number, e: number): boolean {
    const n = e - s;
    if (n === this.lastDateLength && sameBytes(b, s, this.lastDate, n)) return true;
    const parsed = parseDateTime(utf8Text(b, s, e), this.dateFormat, this.timeZone);
    if (!parsed) return false;
    this.ms = parsed.getTime();
    this.iso = parsed.toISOString();
    this.isoBytes = Buffer.from(this.iso, "latin1");
    if (n > this.lastDate.length) this.lastDate = Buffer.alloc(n * 2);
    copyBytes(b, s, e, this.lastDate, 0);
    this.lastDateLength = n;
    return true;
  }
}
