/**
 * The browser's submission key for one survey, in localStorage so it survives closing the tab:
 * reopening the link finds the autosaved answers under it, and a retried final submit carries
 * the same key so the server stores one response.
 */
const storageKey = (publicId: string) => `needscape:response:${publicId}`;
const fallbackKeys: Record<string, string> = {};

function randomKey(): string {
  // crypto.randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere.
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The key kept from an earlier visit, if any (without creating one). */
export function storedProgressKey(publicId: string): string | undefined {
  try {
    return localStorage.getItem(storageKey(publicId)) ?? fallbackKeys[publicId];
  } catch {
    return fallbackKeys[publicId];
  }
}

export function progressKeyFor(publicId: string): string {
  const existing = storedProgressKey(publicId);
  if (existing) return existing;
  const key = randomKey();
  try {
    localStorage.setItem(storageKey(publicId), key);
  } catch {
    // Storage can be disabled (private modes); the key then lives as long as the page.
    fallbackKeys[publicId] = key;
  }
  return key;
}

export function forgetProgressKey(publicId: string): void {
  delete fallbackKeys[publicId];
  try {
    localStorage.removeItem(storageKey(publicId));
  } catch {
    // Nothing stored, nothing to forget.
  }
}
