import type { ImportLimits } from "@/lib/env";
import { reasonCode, type BadRowReason } from "./bad-row-reasons";
import { CsvParser } from "./csv-parser";

/**
 * The limits that keep one import from filling the database or the page, whatever its file holds,
 * as counters cheap enough for the import's per-row loop. The settings are in lib/env.ts
 * (importLimits); the fixed sizes below are not settings because no honest file comes near them.
 */

const MIB = 1024 * 1024;
/** Text read from the start of a file for the preview and for the start's header check. */
export const HEAD_CHARS = 64 * 1024;
/** The header line must end within this many characters (500 columns of 64 characters each). */
export const MAX_HEADER_CHARS = 32 * 1024;
/** A column name; the mapping cannot name a longer one either (schemas.ts). */
export const MAX_COLUMN_NAME_CHARS = 200;
/** Preview cells (and each column's sample) are cut to this many characters. */
export const PREVIEW_CELL_CHARS = 200;
/** One record of the file: a longer one (an unclosed quote swallowing the file) stops the import. */
export const MAX_ROW_BYTES = MIB;
/** The compression ratio is judged only past this many decompressed bytes: small files compress wildly. */
export const RATIO_CHECK_AFTER_BYTES = 16 * MIB;

/** Why an import was stopped before its end; sizes in MiB. */
export type ImportStop =
  | { key: "decompressedBytes"; max: number }
  | { key: "compressionRatio"; max: number }
  | { key: "rows"; max: number }
  | { key: "rowTooLong"; line: number; max: number }
  | { key: "errorRatio"; bad: number; rows: number; percent: number };

/** Why an upload's header is refused at the preview step. */
export type HeaderProblem =
  | { key: "headerTooLong"; max: number }
  | { key: "tooManyColumns"; found: number; max: number }
  | { key: "columnNameTooLong"; column: number; max: number };

/**
 * Stops caused by the file's size: no mapping can make it fit, so its upload is deleted with
 * everything else the run wrote. An error-ratio stop keeps the file for a retry with another mapping.
 */
export const fileCannotFit = (stop: ImportStop): boolean => stop.key !== "errorRatio";

/**
 * What an import has read so far, checked against the limits as it goes. The parsing worker calls
 * `inflated` for each piece out of gunzip (or read as it is), `row` per record, then `good` or `bad`
 * (and `errorRatio`) for what it was; each check returns the stop to make, or null.
 */
export class ImportMeter {
  rowsRead = 0;
  badRows = 0;
  compressedBytes = 0;
  decompressedBytes = 0;
  readonly badRowCounts: Record<string, number> = {};

  constructor(private readonly limits: ImportLimits) {}

  /** `bytes` more out of gunzip; `compressedBytes`: what gunzip has consumed so far (0 for a file that is not gzipped). */
  inflated(bytes: number, compressedBytes = 0): ImportStop | null {
    const total = (this.decompressedBytes += bytes);
    this.compressedBytes = compressedBytes;
    const { maxDecompressedBytes, maxCompressionRatio } = this.limits;
    if (total > maxDecompressedBytes) return { key: "decompressedBytes", max: Math.round(maxDecompressedBytes / MIB) };
    // gunzip may have consumed input for output not yet counted here, so the ratio is never overstated.
    if (maxCompressionRatio > 0 && compressedBytes > 0 && total > RATIO_CHECK_AFTER_BYTES && total > maxCompressionRatio * compressedBytes) {
      return { key: "compressionRatio", max: maxCompressionRatio };
    }
    return null;
  }

  /** One more record read (then `good` or `bad` says what it was). */
  row(): ImportStop | null {
    return ++this.rowsRead > this.limits.maxRows ? { key: "rows", max: this.limits.maxRows } : null;
  }

  /** The record was good. The share of bad rows is judged once when the minimum is read, then after each bad row. */
  good(): ImportStop | null {
    return this.rowsRead === this.limits.errorRatioMinRows ? this.errorRatio() : null;
  }

  /** The current record is bad: counted by reason; true while its text is still kept for the report. */
  bad(reason: BadRowReason): boolean {
    const code = reasonCode(reason);
    this.badRowCounts[code] = (this.badRowCounts[code] ?? 0) + 1;
    return ++this.badRows <= this.limits.maxBadRowsKept;
  }

  /** A stop when, after the minimum number of rows, more than the allowed share of them were bad. */
  errorRatio(): ImportStop | null {
    const { rowsRead: rows, badRows: bad } = this;
    const { maxErrorRatio, errorRatioMinRows } = this.limits;
    if (rows < errorRatioMinRows || bad <= maxErrorRatio * rows) return null;
    return { key: "errorRatio", bad, rows, percent: Math.round(maxErrorRatio * 1000) / 10 };
  }

  /** The record still being read is longer than a row may be. */
  rowTooLong(pendingBytes: number, line: number): ImportStop | null {
    return pendingBytes > MAX_ROW_BYTES ? { key: "rowTooLong", line, max: MAX_ROW_BYTES / MIB } : null;
  }
}

/**
 * The header line must end within MAX_HEADER_CHARS of the file's start (record boundaries do not
 * depend on the delimiter, so this comes before it is detected). `text`: the start of the file.
 */
export function headerLineProblem(text: string): HeaderProblem | null {
  const [first] = new CsvParser(",").push(text.slice(0, MAX_HEADER_CHARS + 2));
  const tooLong = first ? first.raw.length > MAX_HEADER_CHARS : text.length > MAX_HEADER_CHARS;
  return tooLong ? { key: "headerTooLong", max: MAX_HEADER_CHARS / 1024 } : null;
}

/** The header's fields, split with the delimiter in use: not too many, no name too long to map. */
export function headerColumnsProblem(fields: readonly string[], maxColumns: number): HeaderProblem | null {
  if (fields.length > maxColumns) return { key: "tooManyColumns", found: fields.length, max: maxColumns };
  const long = fields.findIndex((name) => name.trim().length > MAX_COLUMN_NAME_CHARS);
  return long >= 0 ? { key: "columnNameTooLong", column: long + 1, max: MAX_COLUMN_NAME_CHARS } : null;
}

/** A preview cell as shown: cut to PREVIEW_CELL_CHARS. */
export const previewCell = (value: string): string => (value.length > PREVIEW_CELL_CHARS ? `${value.slice(0, PREVIEW_CELL_CHARS)}…` : value);
