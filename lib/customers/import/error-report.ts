import type { Database } from "@/db/client";
import { listImportErrors } from "@/db/queries/data-imports";
import type { Translate } from "@/lib/i18n/translator";
import { csvLine } from "@/lib/responses/csv";
import { translatedReason } from "./bad-row-reasons";

const PAGE = 5_000;

/**
 * The bad rows an import kept as CSV (line, reason, raw): the first IMPORT_MAX_BAD_ROWS_KEPT of them
 * (all are counted by reason on the import), a page at a time so the report streams. Reasons in the reader's language when a translator is given (English otherwise, and for
 * rows reported before reasons carried their message key). Cells that a spreadsheet would run as a
 * formula are escaped by csvLine.
 */
export async function* importErrorsCsv(db: Database, key: { workspaceId: string; importId: string }, t?: Translate): AsyncGenerator<string> {
  yield csvLine(["line", "reason", "raw"]);
  let afterLine = 0;
  for (;;) {
    const page = await listImportErrors(db, { ...key, afterLine, limit: PAGE });
    if (page.length === 0) return;
    yield page.map((e) => csvLine([e.line, t && e.detail ? translatedReason(e.detail, t) : e.reason, e.raw])).join("");
    afterLine = page[page.length - 1]!.line;
    if (page.length < PAGE) return;
  }
}

/** The report as a download (streamed; the route sends it as is). */
export function importErrorsResponse(db: Database, key: { workspaceId: string; importId: string }, fileName: string, t?: Translate): Response {
  const chunks = importErrorsCsv(db, key, t);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const safeName = fileName.replace(/\.(csv|gz|txt)+$/gi, "").replace(/[^\w.-]+/g, "_").slice(0, 80) || "import";
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${safeName}-bad-rows.csv"`, "cache-control": "no-store" },
  });
}
