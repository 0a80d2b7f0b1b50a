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
    counts: { rowsRead: record.rowCount, imported: record.importedCount, unchanged: record.unchangedCount, bad: record.badRowCount },
    error: record.error,
    createdAt: record.createdAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}
export type ImportJson = ReturnType<typeof importJson>;
