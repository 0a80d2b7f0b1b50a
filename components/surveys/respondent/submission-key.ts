/**
 * The browser's key for one submission of one survey. It is kept in sessionStorage until the
 * server confirms, so a retry after a lost reply or a double click carries the same key and the
 * server stores the answers once.
 */
const storageKey = (publicId: string) => `needscape:submission:${publicId}`;

function randomKey(): string {
  // crypto.randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere.
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function submissionKeyFor(publicId: string): string {
  try {
    const existing = sessionStorage.getItem(storageKey(publicId));
    if (existing) return existing;
    const key = randomKey();
    sessionStorage.setItem(storageKey(publicId), key);
    return key;
  } catch {
    // Storage can be disabled (private modes); the key then lives as long as the page.
    return (fallbackKeys[publicId] ??= randomKey());
  }
}

const fallbackKeys: Record<string, string> = {};

export function forgetSubmissionKey(publicId: string): void {
  delete fallbackKeys[publicId];
  try {
    sessionStorage.removeItem(storageKey(publicId));
  } catch {
    // Nothing stored, nothing to forget.
  }
}
