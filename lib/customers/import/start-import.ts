import type { Database } from "@/db/client";
import { countImportChunks, getDataImport, updateDataImport } from "@/db/queries/data-imports";
import { enqueueJob } from "@/db/queries/jobs";
import type { DataImport } from "@/db/schema";
import { importLimits } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { JOB_KINDS } from "@/lib/jobs/job-kinds";
import { parseCsvRecords } from "./csv-parser";
import { uniqueHeader } from "./detect";
import { readFileHead } from "./file-head";
import { HEAD_CHARS, headerColumnsProblem } from "./import-limits";
import { limitMessage } from "./limit-messages";
import { mappingProblems, type TStartImportInput } from "./schemas";

const STARTABLE = new Set(["uploaded", "failed", "cancelled"]);

/**
 * Checks the mapping against the file's header (read again with the chosen delimiter, so a wrong
 * delimiter shows up as missing columns, and another one cannot pass the column limit) and queues the
 * import job. A failed import can be started again with another mapping while its file is kept: until
 * an import succeeds, unless it was cancelled or stopped by a limit no mapping can change.
 */
export async function startImport(
  db: Database,
  params: { workspaceId: string; importId: string; input: TStartImportInput; userId?: string | null },
): Promise<DataImport> {
  const key = { workspaceId: params.workspaceId, importId: params.importId };
  const record = await getDataImport(db, key);
  if (!record) throw new AppError("not_found", "Import not found.");
  if (!STARTABLE.has(record.status)) throw new AppError("conflict", `This import is ${record.status}; it cannot be started again.`);
  if ((await countImportChunks(db, key)) === 0) throw new AppError("conflict", "The file of this import was deleted (the import was cancelled, or the file passed a limit): upload it again.");
  const head = await readFileHead(db, key, record.gzipped, HEAD_CHARS);
  const fields = parseCsvRecords(head, params.input.delimiter)[0]?.fields ?? [];
  const tooWide = headerColumnsProblem(fields, importLimits().maxColumns);
  if (tooWide) throw new AppError("invalid", limitMessage(tooWide), { delimiter: [limitMessage(tooWide)] });
  const header = uniqueHeader(fields);
  const problems = mappingProblems(record.kind, params.input.mapping, header);
  if (Object.keys(problems).length > 0) {
    const missing = Object.values(problems).flat();
    throw new AppError("invalid", `The mapping does not fit the file: ${missing.join(" ")}`, problems);
  }
  const job = await enqueueJob(db, { workspaceId: params.workspaceId, kind: JOB_KINDS.dataImport, payload: { importId: record.id }, createdBy: params.userId });
  const updated = await updateDataImport(db, { ...key, patch: { status: "queued", mapping: params.input as unknown as Record<string, unknown>, jobId: job.id, error: null } });
  return updated!;
}
