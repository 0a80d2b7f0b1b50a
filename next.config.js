// Fixed security headers for /api (pages get theirs, with a per-request CSP nonce, from proxy.ts, which
// stays off /api so that Next does not copy request bodies). JSON needs no scripts, styles or frames.
const apiHeaders = [
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "no-referrer" },
];
// next-auth's own pages under /api/auth (sign-out confirmation, errors) carry inline styles and post a form to itself.
const authPageCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      // Everything, static files included: never let a browser guess a content type.
      { source: "/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
      { source: "/api/:path*", headers: apiHeaders },
      // Workspace data is never stored by browsers or proxies. A header here replaces the handler's own, so
      // the public respondent endpoints (whose submit answers "no-store, no-transform" itself) are left out.
      { source: "/api/:path((?!v1/public/).*)", headers: [{ key: "Cache-Control", value: "no-store" }] },
      { source: "/api/auth/:path*", headers: [{ key: "Content-Security-Policy", value: authPageCsp }] },
      // Browsers honour HSTS only on https responses, so trusting the forwarded scheme here is harmless.
      {
        source: "/api/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
};

export default nextConfig;
