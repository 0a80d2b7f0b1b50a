import type { ImportStop } from "./import-limits";

/**
 * Messages between the import job (main thread, owns the database) and its parsing worker(s).
 *
 * Transaction lines and usage events leave the worker already encoded as PostgreSQL binary COPY
 * tuples (`tuples`: no file header, no trailer) for the columns in LINE_COPY_COLUMNS, so the main
 * thread streams them straight into the real table and the server parses nothing. Customers and
 * usage summaries, which merge into existing rows, still go through the staging table as CSV text.
 */
/** What the worker has read of the file, for the import's record. */
export type ImportTally = { rowsRead: number; badRows: number; badRowCounts: Record<string, number>; decompressedBytes: number };

export type ToWorker = { type: "chunk"; data: Uint8Array } | { type: "end" } | { type: "ack" };
export type FromWorker =
  | { type: "need" }
  | {
      type: "batch";
      /** Binary COPY tuples (transactions, usage_events) — empty for the staged kinds. */
      tuples: Uint8Array;
      /** Staging CSV in STAGING_COLUMNS order (customers, usage_summaries) — empty for the line kinds. */
      csv: string;
      staged: number;
      /** Bad rows as CSV in ERROR_COLUMNS order, for COPY into the report. */
      errorsCsv: string;
      rowsRead: number;
      badRows: number;
      /** Customer ids named by the batch's good rows that no earlier batch named (line kinds). */
      customerIds: string[];
    }
  | ({ type: "done" } & ImportTally)
  /** A limit was passed (lib/customers/import/import-limits.ts): the worker read no further. */
  | ({ type: "stopped"; stop: ImportStop } & ImportTally)
  | { type: "fatal"; message: string };

/** Column order of the binary tuples, per line kind. */
export const LINE_COPY_COLUMNS = {
  transactions: ["workspace_id", "line_key", "customer_external_id", "order_id", "occurred_at", "item_code", "quantity", "unit_price", "amount", "is_cancellation", "import_id"],
  usage_events: ["workspace_id", "event_key", "customer_external_id", "occurred_at", "event_name", "import_id"],
} as const;

export type LineKind = keyof typeof LINE_COPY_COLUMNS;
export const isLineKind = (kind: string): kind is LineKind => kind in LINE_COPY_COLUMNS;
