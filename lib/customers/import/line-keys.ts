import { createHash } from "node:crypto";

/**
 * Idempotency keys for transaction lines and usage events: a hash of the row's content plus the
 * number of times that content occurred before in the same file. Identical lines (the retail log has
 * some) stay distinct rows, and importing the same file again yields the same keys, so nothing is added.
 */
export class LineKeyer {
  private readonly seen = new Map<string, number>();

  key(parts: readonly (string | null | undefined)[]): string {
    const hash = createHash("sha1").update(parts.map((p) => p ?? "\u0000").join("\u001f")).digest("base64url").slice(0, 22);
    const occurrence = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, occurrence);
    return `${hash}#${occurrence}`;
  }
}
