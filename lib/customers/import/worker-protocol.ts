import type { BadRow } from "./row-converter";

/** Messages between the import job (main thread, owns the database) and its parsing worker. */
export type ToWorker = { type: "chunk"; data: Uint8Array } | { type: "end" } | { type: "ack" };
export type FromWorker =
  | { type: "need" }
  | { type: "batch"; csv: string; staged: number; errors: BadRow[]; rowsRead: number; badRows: number }
  | { type: "done"; rowsRead: number; badRows: number }
  | { type: "fatal"; message: string };
