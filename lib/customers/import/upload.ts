import type { Database } from "@/db/client";
import { appendImportChunk, createDataImport, deleteDataImport, updateDataImport } from "@/db/queries/data-imports";
import type { DataImport } from "@/db/schema";
import { importLimits } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Translate } from "@/lib/i18n/translator";
import { parseCsvRecords } from "./csv-parser";
import { detectDelimiter, detectFile, proposeMapping, type Detection } from "./detect";
import { isGzip, readFileHead } from "./file-head";
import { HEAD_CHARS, headerColumnsProblem, headerLineProblem, type HeaderProblem, type ImportStop } from "./import-limits";
import { limitMessage } from "./limit-messages";
import type { TImportKind, TImportMapping } from "./schemas";

/** What the mapping step starts from, saved with the upload (data_imports.options). */
export type ImportPreview = {
  detection: Detection;
  proposal: TImportMapping;
  /** The limit that stopped the last run, if one did (import-limits.ts), so the page can word it for its reader. */
  stop?: ImportStop;
};

const CHUNK_BYTES = 1024 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError("too_large", `The file is larger than the import limit of ${Math.round(maxBytes / 1024 / 1024)} MiB.`);
}

/**
 * The preview step's limits on the header, checked on the start of the file before anything is
 * detected from it: the first line must end within MAX_HEADER_CHARS, and split with the detected
 * delimiter it may have at most `maxColumns` columns, none with an overlong name.
 */
export function headerProblem(head: string, maxColumns: number): HeaderProblem | null {
  const line = headerLineProblem(head);
  if (line) return line;
  const delimiter = detectDelimiter(head);
  return headerColumnsProblem(parseCsvRecords(head, delimiter)[0]?.fields ?? [], maxColumns);
}

/**
 * Streams an uploaded file into ~1 MiB chunks in the database (never the whole file in memory),
 * refusing it by its declared size before reading and by its real size while reading; then reads
 * only its start to detect delimiter, header and column types. A file that is empty, binary or not
 * CSV leaves nothing behind.
 */
export async function receiveUpload(
  db: Database,
  params: {
    workspaceId: string;
    userId?: string | null;
    kind: TImportKind;
    fileName: string;
    body: ReadableStream<Uint8Array> | null;
    contentLength: number | undefined;
    maxBytes: number;
    /** Columns allowed in the header (default: the IMPORT_MAX_COLUMNS setting). */
    maxColumns?: number;
    /** Words the refusals of a header for the reader (default English). */
    t?: Translate;
    locale?: string;
  },
): Promise<DataImport> {
  const { workspaceId, maxBytes } = params;
  if (params.contentLength !== undefined && params.contentLength > maxBytes) throw tooLarge(maxBytes);
  if (!params.body || params.contentLength === 0) throw new AppError("invalid", "The file is empty.");

  const created = await createDataImport(db, { workspaceId, kind: params.kind, fileName: params.fileName, createdBy: params.userId });
  const key = { workspaceId, importId: created.id };
  const reader = params.body.getReader();
  let size = 0;
  let seq = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let first: Uint8Array | undefined;
  const flush = async () => {
    if (pendingBytes === 0) return;
    await appendImportChunk(db, { ...key, seq: seq++, data: Buffer.concat(pending, pendingBytes) });
    pending = [];
    pendingBytes = 0;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value || value.byteLength === 0) continue;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(maxBytes);
      }
      first ??= value;
      pending.push(value);
      pendingBytes += value.byteLength;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    if (size === 0) throw new AppError("invalid", "The file is empty.");
    const gzipped = isGzip(first!);
    const head = await readFileHead(db, key, gzipped, HEAD_CHARS);
    const problem = headerProblem(head, params.maxColumns ?? importLimits().maxColumns);
    if (problem) throw new AppError("invalid", limitMessage(problem, params.t, params.locale));
    const detection = detectFile(head);
    if (detection.header.length === 0) throw new AppError("invalid", "The file has no header row.");
    const preview: ImportPreview = { detection, proposal: proposeMapping(params.kind, detection.columns, detection.rows) };
    const updated = await updateDataImport(db, { ...key, patch: { status: "uploaded", byteSize: size, gzipped, options: preview as unknown as Record<string, unknown> } });
    return updated!;
  } catch (error) {
    await deleteDataImport(db, key);
    throw error;
  }
}
