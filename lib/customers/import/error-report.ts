import type { Database } from "@/db/client";
import { listImportErrors } from "@/db/queries/data-imports";
import { csvLine } from "@/lib/responses/csv";

const PAGE = 5_000;

/**
 * Every bad row of an import as CSV (line, reason, raw), a page at a time so a report of any size
 * streams. Cells that a spreadsheet would run as a formula are escaped by csvLine.
 */
export async function* importErrorsCsv(db: Database, key: { workspaceId: string; importId: string }): AsyncGenerator<string> {
  yield csvLine(["line", "reason", "raw"]);
  let afterLine = 0;
  for (;;) {
    const page = await listImportErrors(db, { ...key, afterLine, limit: PAGE });
    if (page.length === 0) return;
    yield page.map((e) => csvLine([e.line, e.reason, e.raw])).join("");
    afterLine = page[page.length - 1]!.line;
    if (page.length < PAGE) return;
  }
}
