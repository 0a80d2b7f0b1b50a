/**
 * Cross-site write protection for cookie-authenticated requests. SameSite cookies do not cover every
 * case (same-site sub-domains, older browsers, top-level POSTs under Lax), so a write must also show
 * that the browser sent it from our own pages. Browsers always add `Sec-Fetch-Site` (modern ones) or
 * `Origin` (all of them) to a cross-origin POST; non-browser clients send neither and are let through,
 * as they cannot carry a victim's cookie anyway.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? undefined : origin;
  } catch {
    return undefined;
  }
}

export type CrossSiteInput = {
  method: string;
  /** The Sec-Fetch-Site request header, or null. */
  secFetchSite: string | null;
  /** The Origin request header, or null. */
  origin: string | null;
  /** The request's own URL, as the server received it. */
  requestUrl: string;
  /** The configured public URL of the app (NEXTAUTH_URL), which a proxy may put in front of requestUrl. */
  appUrl: string;
};

/** Why a cookie-authenticated request must be refused as cross-site, or undefined when it may go on. */
export function crossSiteRefusal(input: CrossSiteInput): string | undefined {
  if (!isUnsafeMethod(input.method)) return undefined;
  const site = input.secFetchSite?.trim().toLowerCase();
  // "none" is a request the user started themselves (typed URL, bookmark): no other site is involved.
  if (site && site !== "same-origin" && site !== "none") {
    return `Cross-site request refused (Sec-Fetch-Site: ${site}).`;
  }
  if (input.origin !== null) {
    const allowed = [originOf(input.requestUrl), originOf(input.appUrl)].filter(Boolean);
    // "null" (sandboxed frames, file: pages, some redirects) is never one of ours.
    if (!allowed.includes(input.origin.trim().toLowerCase())) {
      return "Cross-site request refused: the Origin is not this app.";
    }
  }
  return undefined;
}
