import { AppError } from "@/lib/errors";

/**
 * Request bodies read with a byte limit that holds while streaming: `request.text()` would buffer a
 * chunked body whole before any size check could run, so a client could make the server hold
 * gigabytes. Here bytes are counted chunk by chunk and the stream is cancelled as soon as the count
 * passes the limit, so at most one chunk beyond the limit is ever read.
 */

export function tooLargeError(maxBytes: number): AppError {
  return new AppError("too_large", `The request body is larger than ${maxBytes} bytes.`);
}

/** The media type of a Content-Type header without its parameters, lower-cased ("" when absent). */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? "").split(";", 1)[0]!.trim().toLowerCase();
}

export function isJsonContentType(contentType: string | null | undefined): boolean {
  return mediaType(contentType) === "application/json";
}

/**
 * Types a raw file upload must not have: browser form encodings (the file would be stored as its form
 * encoding, and forms are what a cross-site page can send) and JSON (a call meant for another route).
 */
export function isRefusedUploadType(contentType: string | null | undefined): boolean {
  return ["multipart/form-data", "application/x-www-form-urlencoded", "application/json"].includes(mediaType(contentType));
}

/** Reads a body stream into one buffer, refusing it (413) once more than `maxBytes` arrived. */
export async function readLimitedBytes(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value || value.byteLength === 0) continue;
      size += value.byteLength;
      if (size > maxBytes) {
        // Cancelling tells the source to stop producing; the rest of the body is never read.
        await reader.cancel().catch(() => {});
        throw tooLargeError(maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, size);
}

/** A request's body as UTF-8 text, refused by its declared length first and by its real length while reading. */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    throw tooLargeError(maxBytes);
  }
  const bytes = await readLimitedBytes(request.body, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "The request body is not valid UTF-8.");
  }
}

/**
 * A JSON request body: 415 unless Content-Type is application/json (parameters such as
 * `; charset=utf-8` are fine), 413 past the limit, 400 when it does not parse. A request with no
 * body and no Content-Type reads as `undefined`, so the route's schema decides whether one is needed.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const contentType = request.headers.get("content-type");
  if (!isJsonContentType(contentType)) {
    if (!contentType && (request.body === null || request.headers.get("content-length") === "0")) return undefined;
    await request.body?.cancel().catch(() => {});
    throw new AppError("unsupported_media_type", "Send the request body as JSON with 'Content-Type: application/json'.");
  }
  const text = await readLimitedText(request, maxBytes);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}
