/**
 * A streaming CSV parser (RFC 4180: quoted fields, doubled quotes, embedded newlines, CRLF or LF).
 * Written here rather than taken from csv-parse because the import needs two things per record that
 * general parsers do not give cheaply: the physical line number where the record starts (bad-row
 * reports name the line a spreadsheet shows) and the raw text of the record (shown in the report).
 * Text arrives in pieces; a record cut by a piece boundary waits in `tail` for the next piece.
 */
export type CsvRecord = { fields: string[]; line: number; raw: string };

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvParser {
  private tail = "";
  private line = 1;
  private readonly delimiterCode: number;

  constructor(readonly delimiter: string) {
    if (delimiter.length !== 1) throw new Error("The delimiter must be one character.");
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Parses what is complete in text (after what was left over); `final` flushes the last record. */
  push(text: string, final = false): CsvRecord[] {
    const input = this.tail + text;
    const records: CsvRecord[] = [];
    let pos = 0;
    const end = input.length;
    while (pos < end) {
      const parsed = this.parseRecord(input, pos, final);
      if (!parsed) break;
      const raw = input.slice(pos, parsed.rawEnd);
      const line = this.line;
      this.line += parsed.newlines + (parsed.next > parsed.rawEnd ? 1 : 0);
      pos = parsed.next;
      // Blank lines are not records: spreadsheets leave them at the end of exports.
      if (parsed.fields.length === 1 && parsed.fields[0] === "" && raw === "") continue;
      records.push({ fields: parsed.fields, line, raw });
    }
    this.tail = input.slice(pos);
    return records;
  }

  /** Parses one record from pos; undefined when the input ends inside it and more may follow. */
  private parseRecord(s: string, start: number, final: boolean): { fields: string[]; rawEnd: number; next: number; newlines: number } | undefined {
    const fields: string[] = [];
    const d = this.delimiterCode;
    const end = s.length;
    let pos = start;
    let newlines = 0;
    for (;;) {
      if (pos < end && s.charCodeAt(pos) === QUOTE) {
        // Quoted field: find the closing quote, skipping doubled quotes.
        let value = "";
        let from = pos + 1;
        for (;;) {
          const q = s.indexOf('"', from);
          if (q === -1) {
            if (!final) return undefined;
            // Unterminated quote at the end of the file: keep what is there as the value.
            value += s.slice(from);
            newlines += countNewlines(s, from, end);
            pos = end;
            break;
          }
          if (q + 1 < end && s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(from, q + 1);
            newlines += countNewlines(s, from, q);
            from = q + 2;
            continue;
          }
          if (q + 1 === end && !final) return undefined; // a doubled quote may follow in the next piece
          value += s.slice(from, q);
          newlines += countNewlines(s, from, q);
          pos = q + 1;
          break;
        }
        // Text after the closing quote up to the delimiter is kept, as spreadsheets do.
        let after = pos;
        while (after < end) {
          const c = s.charCodeAt(after);
          if (c === d || c === LF || c === CR) break;
          after++;
        }
        if (after > pos) value += s.slice(pos, after);
        pos = after;
        fields.push(value);
      } else {
        let p = pos;
        while (p < end) {
          const c = s.charCodeAt(p);
          if (c === d || c === LF || c === CR) break;
          p++;
        }
        fields.push(s.slice(pos, p));
        pos = p;
      }
      if (pos >= end) {
        if (!final) return undefined;
        return { fields, rawEnd: end, next: end, newlines };
      }
      const c = s.charCodeAt(pos);
      if (c === d) {
        pos++;
        continue;
      }
      // End of record: LF, CR or CRLF. A CR at the very end of a piece may be the first half of CRLF.
      if (c === CR) {
        if (pos + 1 >= end && !final) return undefined;
        const next = pos + 1 < end && s.charCodeAt(pos + 1) === LF ? pos + 2 : pos + 1;
        return { fields, rawEnd: pos, next, newlines };
      }
      return { fields, rawEnd: pos, next: pos + 1, newlines };
    }
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

/** Parses a whole text at once (previews, tests). */
export function parseCsvRecords(text: string, delimiter: string): CsvRecord[] {
  return new CsvParser(delimiter).push(text, true);
}
