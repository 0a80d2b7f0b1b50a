import type { DataImport } from "@/db/schema";
import type { ImportPreview } from "./upload";

/** The public shape of an import (API and pages): no uploaded bytes, the preview the mapping step needs. */
export function importJson(record: DataImport) {
  const preview = record.options as unknown as ImportPreview | null;
  return {
    id: record.id,
    kind: record.kind,
    fileName: record.fileName,
    byteSize: record.byteSize,
    gzipped: record.gzipped,
    status: record.status,
    jobId: record.jobId,
    preview: preview ? { ...preview.detection, proposedMapping: preview.proposal } : null,
    settings: record.mapping ?? null,
    counts: {
      rowsRead: record.rowCount,
      imported: record.importedCount,
      unchanged: record.unchangedCount,
      bad: record.badRowCount,
      // Every bad row by reason code (bad-row-reasons.ts reasonCode); only the first ones are kept row by row.
      badByReason: record.badRowCounts ?? null,
    },
    decompressedBytes: record.decompressedBytes,
    // The limit that stopped the last run (import-limits.ts ImportStop), with `error` saying it in words.
    stop: preview?.stop ?? null,
    error: record.error,
    createdAt: record.createdAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}
export type ImportJson = ReturnType<typeof importJson>;
