/**
 * Where to go after sign-in, from a user-supplied value (?callbackUrl=, next-auth's redirect): only a
 * path on this app, so a crafted link cannot send users elsewhere. Browsers read `\` as `/` and drop
 * tabs and newlines inside URLs, so `/\evil.example` or `/<tab>/evil.example` would leave the site;
 * those and encoded forms of them are refused before the value is parsed as a URL against our own
 * origin and compared by origin. Returns the normalised path + search + hash, or the fallback.
 */

// Stands in for the app's origin when none is given: only relative paths can resolve to it.
const PLACEHOLDER_ORIGIN = "http://app.invalid";
const MAX_LENGTH = 2048;
// Backslashes, ASCII control characters (tab, CR, LF, NUL …) and DEL.
const UNSAFE_CHARACTERS = /[\\\u0000-\u001f\u007f]/;

/** The value with percent-escapes undone (a few rounds, for double encoding); undefined when malformed. */
function decoded(value: string): string | undefined {
  let current = value;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export function safeCallbackUrl(value: unknown, fallback = "/workspaces", appOrigin?: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  const plain = decoded(value);
  if (plain === undefined || UNSAFE_CHARACTERS.test(value) || UNSAFE_CHARACTERS.test(plain)) return fallback;
  // A root path, or an absolute http(s) URL that must turn out to be ours; nothing relative, no other scheme.
  const absolute = /^https?:\/\//i.test(value);
  if (!absolute && !value.startsWith("/")) return fallback;
  if (!absolute && (plain.startsWith("//") || value.startsWith("//"))) return fallback;
  const origin = originOf(appOrigin) ?? PLACEHOLDER_ORIGIN;
  let target: URL;
  try {
    target = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (target.origin !== origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "/.//evil.example" normalises to "//evil.example", which a browser would read as another host.
  const plainPath = decoded(target.pathname);
  if (path.startsWith("//") || plainPath === undefined || plainPath.startsWith("//")) return fallback;
  return path;
}
