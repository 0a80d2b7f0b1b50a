import { describe, expect, it } from "vitest";
import { isJsonContentType, isRefusedUploadType, mediaType, readJsonBody, readLimitedBytes, readLimitedText } from "./read-limited-body";

const CHUNK = 16 * 1024;

/** A body that never ends: counts what the reader pulled and whether it was cancelled. */
function endlessStream() {
  const seen = { pulledBytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulledBytes += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

function streamOf(...parts: string[]) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
}

function jsonRequest(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request("http://app.test/api/v1/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("readLimitedBytes", () => {
  it("stops an endless stream just past the limit and cancels it", async () => {
    const { stream, seen } = endlessStream();
    const limit = 100_000;
    await expect(readLimitedBytes(stream, limit)).rejects.toMatchObject({ code: "too_large", status: 413 });
    expect(seen.cancelled).toBe(true);
    // The reader stopped at the first chunk past the limit; the stream may have queued one more ahead.
    expect(seen.pulledBytes).toBeGreaterThan(limit);
    expect(seen.pulledBytes).toBeLessThanOrEqual(limit + 2 * CHUNK);
  });

  it("reads a body of exactly the limit, chunk by chunk", async () => {
    const bytes = await readLimitedBytes(streamOf("ab", "cd", "e"), 5);
    expect(Buffer.from(bytes).toString()).toBe("abcde");
    await expect(readLimitedBytes(streamOf("ab", "cd", "ef"), 5)).rejects.toMatchObject({ code: "too_large" });
    expect((await readLimitedBytes(null, 5)).byteLength).toBe(0);
  });
});

describe("readLimitedText", () => {
  it("refuses by the declared length before reading", async () => {
    const { stream, seen } = endlessStream();
    const request = jsonRequest(stream, { "content-type": "application/json", "content-length": "5000000" });
    await expect(readLimitedText(request, 1000)).rejects.toMatchObject({ code: "too_large" });
    expect(seen.pulledBytes).toBeLessThanOrEqual(2 * CHUNK);
  });

  it("refuses a chunked body (no Content-Length) while streaming, and bytes that are not UTF-8", async () => {
    const { stream, seen } = endlessStream();
    await expect(readLimitedText(jsonRequest(stream), 200_000)).rejects.toMatchObject({ code: "too_large" });
    expect(seen.pulledBytes).toBeLessThanOrEqual(200_000 + 2 * CHUNK);
    await expect(readLimitedText(jsonRequest(new Uint8Array([0x7b, 0xff, 0x7d])), 100)).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("readJsonBody", () => {
  it("parses JSON sent as application/json, with or without parameters", async () => {
    expect(await readJsonBody(jsonRequest('{"a":1}'), 100)).toEqual({ a: 1 });
    expect(await readJsonBody(jsonRequest('{"a":"ä"}', { "content-type": "Application/JSON; charset=utf-8" }), 100)).toEqual({ a: "ä" });
    expect(await readJsonBody(jsonRequest("  "), 100)).toBeUndefined();
    await expect(readJsonBody(jsonRequest("{nope"), 100)).rejects.toMatchObject({ code: "bad_request", status: 400 });
  });

  it("answers 415 to any other type, before reading the body", async () => {
    for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", "text/json", "application/json-seq"]) {
      const { stream, seen } = endlessStream();
      await expect(readJsonBody(jsonRequest(stream, { "content-type": type }), 1000), type).rejects.toMatchObject({ code: "unsupported_media_type", status: 415 });
      expect(seen.pulledBytes, type).toBeLessThanOrEqual(2 * CHUNK);
    }
    await expect(readJsonBody(jsonRequest('{"a":1}', {}), 100)).rejects.toMatchObject({ status: 415 });
  });

  it("reads no body and no type as undefined, so the route's schema decides", async () => {
    expect(await readJsonBody(new Request("http://app.test/x", { method: "POST" }), 100)).toBeUndefined();
  });
});

describe("content types", () => {
  it("compares media types without parameters or case", () => {
    expect(mediaType(" Text/CSV ; charset=utf-8")).toBe("text/csv");
    expect(mediaType(null)).toBe("");
    expect(isJsonContentType("application/json;charset=utf-8")).toBe(true);
    expect(isJsonContentType("application/vnd.api+json")).toBe(false);
  });

  it("refuses form encodings and JSON as a raw file upload, and takes anything else", () => {
    expect(isRefusedUploadType("multipart/form-data; boundary=abc")).toBe(true);
    expect(isRefusedUploadType("application/x-www-form-urlencoded")).toBe(true);
    expect(isRefusedUploadType("application/json")).toBe(true);
    for (const type of ["text/csv", "text/plain", "application/gzip", "application/octet-stream", null]) expect(isRefusedUploadType(type)).toBe(false);
  });
});
