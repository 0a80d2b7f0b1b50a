import { createHash } from "node:crypto";
import type { Matrix } from "@/lib/analysis";

/**
 * SHA-256 of the analysis matrix: its shape, the response id of every row and every value as
 * stored (after preprocessing). A solution saved from a run must come from data with the same
 * fingerprint, so a later response, an erasure or a changed flag cannot slip in unnoticed.
 */
export function dataFingerprint(rowIds: readonly string[], matrix: Matrix): string {
  if (rowIds.length !== matrix.rows) throw new Error(`Got ${rowIds.length} row ids for ${matrix.rows} rows`);
  const hash = createHash("sha256");
  hash.update(`${matrix.rows}x${matrix.cols}\n`);
  for (const id of rowIds) hash.update(`${id}\n`);
  hash.update(new Uint8Array(matrix.data.buffer, matrix.data.byteOffset, matrix.data.byteLength));
  return hash.digest("hex");
}
