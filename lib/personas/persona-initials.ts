/**
 * Personas get an avatar made of initials (no stock faces): up to two letters from the name's
 * first and last words, plus a stable colour index so the same persona always looks the same.
 */

export function personaInitials(name: string): string {
  const words = name
    .split(/[\s\-–—_/&+]+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ""))
    .filter(Boolean);
  if (words.length === 0) return "?";
  const first = Array.from(words[0]!)[0]!;
  const last = words.length > 1 ? Array.from(words[words.length - 1]!)[0]! : "";
  return (first + last).toLocaleUpperCase();
}

/** A small, stable hash of the name into `paletteSize` slots. */
export function avatarColorIndex(name: string, paletteSize: number): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % paletteSize;
}
