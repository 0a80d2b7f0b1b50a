import { utf8Text } from "./buffer-text";
import type { CsvRecord } from "./csv-parser";

/**
 * CsvParser's rules (csv-parser.ts: quoted fields, doubled quotes, text after a closing quote,
 * embedded newlines, LF/CR/CRLF, blank lines skipped but counted) over UTF-8 bytes instead of a
 * decoded string: the import reads half a million records and needs only a few fields of each, so
 * it finds the field boundaries here and decodes (or copies) just the fields it uses.
 *
 * `next()` parses one record into typed arrays (no objects per record): for field i, bytes
 * [starts[i], ends[i]) of `bytes`, and kinds[i] PLAIN (the bytes are the value), QUOTED (the bytes
 * between the quotes are the value) or ESCAPED (doubled quotes or text after the closing quote: the
 * range runs from the opening quote to the field's end and `text(i)` rebuilds the value).
 */
export const PLAIN = 0;
export const QUOTED = 1;
export const ESCAPED = 2;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const EMPTY = Buffer.alloc(0);

export class ByteCsvReader {
  bytes: Buffer = EMPTY;
  /** The current record: its first physical line, its raw range, its fields. */
  line = 0;
  rawStart = 0;
  rawEnd = 0;
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  kinds = new Uint8Array(64);

  private pos = 0;
  private nextLine = 1;
  private final = false;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127) throw new Error("The delimiter must be one ASCII character.");
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Adds bytes after what is left of earlier pieces; `final` when no more will come. */
  push(piece: Buffer, final = false) {
    this.bytes = this.pos < this.bytes.length ? Buffer.concat([this.bytes.subarray(this.pos), piece]) : piece;
    this.pos = 0;
    this.final = final;
  }

  /** Bytes of a record not yet complete (waiting for the next piece), and the line it starts on. */
  get pendingBytes(): number {
    return this.bytes.length - this.pos;
  }

  get pendingLine(): number {
    return this.nextLine;
  }

  /** Parses the next record; false when the bytes end inside it (or end) and more must be pushed. */
  next(): boolean {
    for (;;) {
      if (this.pos >= this.bytes.length) return false;
      const next = this.parse(this.pos);
      if (next < 0) return false;
      this.pos = next;
      // Blank lines are not records: spreadsheets leave them at the end of exports.
      if (this.count === 1 && this.rawEnd === this.rawStart) continue;
      return true;
    }
  }

  /** Field i as a string (as CsvParser gives it). */
  text(i: number): string {
    const b = this.bytes;
    const s = utf8Text(b, this.starts[i]!, this.ends[i]!);
    return this.kinds[i] === ESCAPED ? unescape(s) : s;
  }

  raw(): string {
    return utf8Text(this.bytes, this.rawStart, this.rawEnd);
  }

  /** The current record as CsvParser would give it (the slow path and the staged kinds). */
  record(): CsvRecord {
    const fields = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) fields[i] = this.text(i);
    return { fields, line: this.line, raw: this.raw() };
  }

  private field(start: number, end: number, kind: number) {
    if (this.count === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.kinds = grow(this.kinds);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.kinds[this.count++] = kind;
  }

  /** Parses the record at start; returns where the next one starts, or -1 when more input is needed. */
  private parse(start: number): number {
    const b = this.bytes;
    const end = b.length;
    const d = this.delimiter;
    // The highest of the bytes that end a plain field: most bytes are above it and need one comparison.
    const top = d > CR ? d : CR;
    const final = this.final;
    let pos = start;
    let newlines = 0;
    this.count = 0;
    for (;;) {
      if (pos < end && b[pos] === QUOTE) {
        const open = pos;
        let escaped = false;
        let close = -1;
        let p = pos + 1;
        for (;;) {
          // Find the closing quote, counting newlines on the way (LF, CR, CRLF as one).
          while (p < end) {
            const c = b[p]!;
            // One comparison for most bytes: quote, LF and CR are all below "#".
            if (c <= QUOTE) {
              if (c === QUOTE) break;
              if (c === LF || (c === CR && b[p + 1] !== LF)) newlines++;
            }
            p++;
          }
          if (p >= end) {
            if (!final) return -1;
            break; // unterminated quote at the end of the file: the rest is the value
          }
          if (p + 1 < end && b[p + 1] === QUOTE) {
            escaped = true;
            p += 2;
            continue;
          }
          if (p + 1 === end && !final) return -1; // a doubled quote may follow in the next piece
          close = p;
          p++;
          break;
        }
        // Text after the closing quote up to the delimiter is kept, as spreadsheets do.
        let after = p;
        while (after < end) {
          const c = b[after]!;
          if (c === d || c === LF || c === CR) break;
          after++;
        }
        if (after > p) escaped = true;
        if (escaped) this.field(open, after, ESCAPED);
        else this.field(open + 1, close < 0 ? end : close, QUOTED);
        pos = after;
      } else {
        let p = pos;
        while (p < end) {
          const c = b[p]!;
          if (c <= top && (c === d || c === LF || c === CR)) break;
          p++;
        }
        this.field(pos, p, PLAIN);
        pos = p;
      }
      if (pos >= end) {
        if (!final) return -1;
        return this.finish(start, end, end, newlines);
      }
      const c = b[pos]!;
      if (c === d) {
        pos++;
        continue;
      }
      // End of record: LF, CR or CRLF. A CR at the very end of a piece may be the first half of CRLF.
      if (c === CR) {
        if (pos + 1 >= end && !final) return -1;
        return this.finish(start, pos, pos + 1 < end && b[pos + 1] === LF ? pos + 2 : pos + 1, newlines);
      }
      return this.finish(start, pos, pos + 1, newlines);
    }
  }

  private finish(start: number, rawEnd: number, next: number, newlines: number): number {
    this.rawStart = start;
    this.rawEnd = rawEnd;
    this.line = this.nextLine;
    this.nextLine += newlines + (next > rawEnd ? 1 : 0);
    return next;
  }
}

/** A quoted field's value from its text (opening quote to the field's end): "" is ", text after the closing quote stays. */
function unescape(s: string): string {
  let value = "";
  let from = 1;
  for (;;) {
    const q = s.indexOf('"', from);
    if (q === -1) return value + s.slice(from);
    if (s.charCodeAt(q + 1) === QUOTE) {
      value += s.slice(from, q + 1);
      from = q + 2;
      continue;
    }
    return value + s.slice(from, q) + s.slice(q + 1);
  }
}
