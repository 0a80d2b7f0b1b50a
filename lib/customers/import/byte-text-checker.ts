import { isUtf8 } from "node:buffer";
import { AppError } from "@/lib/errors";

const EMPTY = Buffer.alloc(0);
export const NOT_UTF8 = "The file is not UTF-8 text (is it a spreadsheet or another binary file? Save it as “CSV UTF-8” and upload that).";
export const HAS_NUL = "The file contains binary data (NUL bytes), not CSV text.";

/**
 * TextChecker's rules (file-head.ts) without decoding: the worker parses bytes, so it only has to
 * know that they are strict UTF-8 without NUL, and drop a leading byte-order mark as TextDecoder
 * does. A piece may end inside a character: those bytes wait for the next piece.
 */
export class ByteTextChecker {
  private pending: Buffer = EMPTY;
  private started = false;

  /** The piece's bytes that are ready to parse (whole characters only); throws as TextChecker does. */
  check(piece: Uint8Array, final = false): Buffer {
    let bytes = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    if (this.pending.length > 0) bytes = Buffer.concat([this.pending, bytes]);
    this.pending = EMPTY;
    if (!this.started) {
      if (bytes.length < 3 && !final) return (this.pending = Buffer.from(bytes)), EMPTY;
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const cut = final ? bytes.length : completeCharacters(bytes);
    const ready = bytes.subarray(0, cut);
    if (!isUtf8(ready)) throw new AppError("invalid", NOT_UTF8);
    if (ready.indexOf(0) !== -1) throw new AppError("invalid", HAS_NUL);
    if (cut < bytes.length) this.pending = Buffer.from(bytes.subarray(cut));
    return ready;
  }
}

/** Length of the prefix of bytes that does not end inside a multi-byte character. */
function completeCharacters(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = n - 1;
  while (i >= 0 && i >= n - 3 && (bytes[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return n;
  const lead = bytes[i]!;
  if (lead < 0xc0) return n; // ASCII, or stray continuation bytes: isUtf8 will refuse those
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  return i + size > n ? i : n;
}
