import { createReadStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { Database } from "@/db/client";
import { getDataImport } from "@/db/queries/data-imports";
import { ZStartImportInput } from "@/lib/customers/import/schemas";
import { startImport } from "@/lib/customers/import/start-import";
import { receiveUpload, type ImportPreview } from "@/lib/customers/import/upload";
import { jobHandlers } from "@/lib/jobs/job-handlers";
import { runNextJob } from "@/lib/jobs/run-next-job";

/** The distinct CustomerIDs of a file in the retail log's layout (7th column), ascending. */
export async function retailCustomerIds(file: string): Promise<string[]> {
  const ids = new Set<string>();
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false;
      continue;
    }
    // The customer id is the third field from the end; only the description (3rd field) holds quoted commas.
    const fields = line.split(",");
    const id = fields[fields.length - 2]?.replace(/"/g, "").trim();
    if (id) ids.add(id);
  }
  return [...ids].sort();
}

/**
 * Customer ids for the demo's respondents: nine in ten are customers of the retail log, spread over
 * it; every tenth is a traveller the shop does not know, so the join shows a realistic match rate.
 */
export function demoCustomerIds(customerIds: readonly string[], respondents: number): string[] {
  const step = Math.max(1, Math.floor(customerIds.length / respondents));
  return Array.from({ length: respondents }, (_, i) => (i % 10 === 9 || !customerIds.length ? `TRAVELLER-${i + 1}` : customerIds[(i * step) % customerIds.length]!));
}

type DemoImportKind = "transactions" | "usage_events";

/**
 * Imports the retail log through the app's own importer (upload → proposed mapping → import job),
 * then runs the jobs it queues (the import, then the customer metrics), so the demo opens with RFM,
 * value and the join ready. As `usage_events` the same log becomes the usage the engagement tiers
 * read: each product a customer bought is an event on the day of the invoice (the public data has
 * no browsing log, so a day with a purchase stands in for a day of use).
 */
export async function importDemoRetailLog(db: Database, params: { workspaceId: string; userId: string; file: string; kind: DemoImportKind }) {
  const uploaded = await receiveUpload(db, {
    workspaceId: params.workspaceId,
    userId: params.userId,
    kind: params.kind,
    fileName: path.basename(params.file),
    body: Readable.toWeb(createReadStream(params.file)) as ReadableStream<Uint8Array>,
    contentLength: undefined,
    maxBytes: 200 * 1024 * 1024,
  });
  const { detection, proposal } = uploaded.options as unknown as ImportPreview;
  const mapping = params.kind === "usage_events" ? { ...proposal, eventName: "StockCode" } : proposal;
  const input = ZStartImportInput.parse({
    delimiter: detection.delimiter,
    decimalSeparator: detection.decimalSeparator,
    dateFormat: detection.dateFormat,
    timeZone: "UTC",
    badRowPolicy: "keep-good",
    mapping,
  });
  await startImport(db, { workspaceId: params.workspaceId, importId: uploaded.id, input, userId: params.userId });
  while (await runNextJob(db, { instanceId: "demo-seed", handlers: jobHandlers })) {
    /* run until no job is waiting */
  }
  return (await getDataImport(db, { workspaceId: params.workspaceId, importId: uploaded.id }))!;
}
