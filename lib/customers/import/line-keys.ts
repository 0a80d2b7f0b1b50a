import { hash as digest } from "node:crypto";

/**
 * Idempotency keys for transaction lines and usage events: a hash of the row's content plus the
 * number of times that content occurred before in the same file. Identical lines (the retail log has
 * some) stay distinct rows, and importing the same file again yields the same keys, so nothing is added.
 */
export class LineKeyer {
  private readonly seen = new Map<string, number>();

  key(parts: readonly (string | null | undefined)[]): string {
    // One-shot hashing (no Hash object per line): half the cost over half a million lines. SHA-1 cut to
    // 128 bits is plenty against accidental collisions, which would silently merge two different lines.
    const hash = digest("sha1", parts.map((p) => p ?? "\u0000").join("\u001f"), "base64url").slice(0, 22);
    const occurrence = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, occurrence);
    return `${hash}#${occurrence}`;
  }
}
