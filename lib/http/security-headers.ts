import type { OAuthProviderEnv } from "@/lib/env";

/**
 * The security headers of every page, as a pure function of the path and the settings (proxy.ts applies
 * them with a fresh nonce per request). /api responses get fixed headers from next.config.js instead:
 * a proxy that matched /api would make Next copy every request body.
 */

export type PageHeaderOptions = {
  pathname: string;
  /** A fresh random value per request (base64); Next puts it on its own scripts. */
  nonce: string;
  /** Served over https (the public URL is https, or a proxy in front said X-Forwarded-Proto: https). */
  https: boolean;
  /** Origins allowed to frame the embeddable pages (EMBED_ALLOWED_ORIGINS), already validated. */
  embedOrigins?: readonly string[];
  /** Where sign-in may send a form on to (the SSO providers' origins). */
  formActionOrigins?: readonly string[];
  /** next dev: React's debugging needs eval. Never in production. */
  development?: boolean;
};

/** A year; sent only over https, where browsers honour it. */
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

// Pages whose URL may carry a secret: personal survey links (?t=) and unsubscribe links, invitations,
// password reset. Their address must not travel on in a Referer header, not even to the app itself.
const TOKEN_PAGES = [/^\/s(\/|$)/, /^\/invite(\/|$)/, /^\/reset-password(\/|$)/];

// Pages another site may show in a frame when EMBED_ALLOWED_ORIGINS names it: the respondent page
// (not the unsubscribe page). Shared persona pages join this list when they exist.
const EMBEDDABLE_PAGES = [/^\/s\/(?!unsubscribe(\/|$))[^/]+\/?$/];

export function isTokenPage(pathname: string): boolean {
  return TOKEN_PAGES.some((pattern) => pattern.test(pathname));
}

export function isEmbeddablePage(pathname: string): boolean {
  return EMBEDDABLE_PAGES.some((pattern) => pattern.test(pathname));
}

export function referrerPolicyFor(pathname: string): string {
  return isTokenPage(pathname) ? "no-referrer" : "strict-origin-when-cross-origin";
}

/** The origins an SSO sign-in leaves to (only by redirect today; form-action also covers a form post that redirects there). */
export function ssoOrigins(providers: readonly OAuthProviderEnv[]): string[] {
  const origins = providers.flatMap((provider) => {
    if (provider.id === "google") return ["https://accounts.google.com"];
    if (provider.id === "azure-ad") return ["https://login.microsoftonline.com"];
    try {
      return [new URL(provider.issuer).origin];
    } catch {
      return [];
    }
  });
  return [...new Set(origins)];
}

/** The page's Content-Security-Policy: scripts only with this request's nonce (and what they load). */
export function contentSecurityPolicy(options: PageHeaderOptions): string {
  const embed = isEmbeddablePage(options.pathname) ? (options.embedOrigins ?? []) : [];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': a script the nonce allowed may load Next's chunks; host lists are ignored.
    ["script-src", "'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    // Style sheets and <style> only from the app or with the nonce; style="" attributes are allowed,
    // because React renders inline styles (chart sizes, progress bars) as attributes.
    ["style-src", "'self'", `'nonce-${options.nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    // data: for the PNG export of charts (an SVG drawn onto a canvas), blob: for downloads.
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["frame-src", "'self'"],
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...(options.formActionOrigins ?? [])],
    ["frame-ancestors", "'self'", ...embed],
  ];
  if (options.https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/** Every security header of one page response. */
export function pageSecurityHeaders(options: PageHeaderOptions): Record<string, string> {
  const framedElsewhere = isEmbeddablePage(options.pathname) && (options.embedOrigins?.length ?? 0) > 0;
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": referrerPolicyFor(options.pathname),
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // X-Frame-Options cannot name other origins: where frame-ancestors allows some, it is left out
  // (browsers that know CSP ignore it then anyway); everywhere else it says what frame-ancestors says.
  if (!framedElsewhere) headers["X-Frame-Options"] = "SAMEORIGIN";
  if (options.https) headers["Strict-Transport-Security"] = HSTS_VALUE;
  return headers;
}

/** Whether a request reached the app over https: the public URL says so, or the proxy in front did. */
export function servedOverHttps(publicUrl: string, forwardedProto: string | null): boolean {
  if (publicUrl.startsWith("https:")) return true;
  // Only the first hop counts ("https, http" from a chain of proxies). A forged value can do no harm:
  // browsers ignore Strict-Transport-Security on a response that did not come over https.
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}
