import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { Database } from "@/db/client";
import { readImportChunk } from "@/db/queries/data-imports";
import { AppError } from "@/lib/errors";

export const GZIP_MAGIC = [0x1f, 0x8b] as const;

export const isGzip = (bytes: Uint8Array) => bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];

/**
 * Text decoding shared by the preview and the worker: strict UTF-8 (a byte sequence that is not
 * UTF-8 means the file is binary or in a legacy encoding) and no NUL characters (binary files).
 */
export class TextChecker {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  decode(bytes: Uint8Array | undefined, final = false): string {
    let text: string;
    try {
      text = bytes ? this.decoder.decode(bytes, { stream: !final }) : this.decoder.decode();
    } catch {
      throw new AppError("invalid", "The file is not UTF-8 text (is it a spreadsheet or another binary file? Save it as “CSV UTF-8” and upload that).");
    }
    if (text.includes("\u0000")) throw new AppError("invalid", "The file contains binary data (NUL bytes), not CSV text.");
    return text;
  }
}

/**
 * The first `maxChars` characters of an uploaded file, read chunk by chunk and gunzipped as needed,
 * cut back to the last complete line. Only the start of the file is ever read here.
 */
export async function readFileHead(db: Database, key: { workspaceId: string; importId: string }, gzipped: boolean, maxChars = 64 * 1024): Promise<string> {
  async function* chunks() {
    for (let seq = 0; ; seq++) {
      const chunk = await readImportChunk(db, { ...key, seq });
      if (!chunk) return;
      yield chunk;
    }
  }
  const source = Readable.from(chunks(), { highWaterMark: 1 });
  const stream = gzipped ? source.pipe(createGunzip()) : source;
  const checker = new TextChecker();
  let text = "";
  let complete = true;
  try {
    for await (const piece of stream as AsyncIterable<Buffer>) {
      text += checker.decode(piece);
      if (text.length >= maxChars) {
        complete = false;
        break;
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("invalid", "The file looks gzipped but cannot be decompressed (is it complete?).");
  } finally {
    source.destroy();
    stream.destroy();
  }
  if (complete) return text + checker.decode(undefined, true);
  // A piece may run far past maxChars (an upload chunk is 1 MiB): only maxChars are ever looked at.
  text = text.slice(0, maxChars);
  const lastNewline = Math.max(text.lastIndexOf("\n"), text.lastIndexOf("\r"));
  return lastNewline > 0 ? text.slice(0, lastNewline + 1) : text;
}
