// Security headers on every page: a Content-Security-Policy with a fresh nonce per request (Next reads it
// from the request's CSP header and puts it on its own scripts), framing, referrer and HSTS rules.
import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { appUrl, embedAllowedOrigins, isDevelopment, oauthProviders } from "@/lib/env";
import { pageSecurityHeaders, servedOverHttps, ssoOrigins } from "@/lib/http/security-headers";

// The environment does not change while the process runs: read and validate it once.
let settings: { publicUrl: string; embedOrigins: string[]; formActionOrigins: string[]; development: boolean } | undefined;
function currentSettings() {
  settings ??= { publicUrl: appUrl(), embedOrigins: embedAllowedOrigins(), formActionOrigins: ssoOrigins(oauthProviders()), development: isDevelopment() };
  return settings;
}

export function proxy(request: NextRequest) {
  const { publicUrl, ...rest } = currentSettings();
  const headers = pageSecurityHeaders({
    ...rest,
    pathname: request.nextUrl.pathname,
    nonce: randomBytes(16).toString("base64"),
    https: servedOverHttps(publicUrl, request.headers.get("x-forwarded-proto")),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Not /api (next.config.js gives it fixed headers; a proxy there would copy every request body),
      // nor static files. Server actions (Next-Action) and prefetches return no HTML and skip it too,
      // so their bodies are never copied either.
      source: "/((?!api/|_next/static/|_next/image|icon\\.svg|favicon\\.ico).*)",
      missing: [
        { type: "header", key: "next-action" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
