import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isEmbeddablePage, pageSecurityHeaders, referrerPolicyFor, servedOverHttps, ssoOrigins } from "./security-headers";

const NONCE = "bm9uY2Utbm9uY2Utbm9uY2U=";
const base = { nonce: NONCE, https: false };

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(csp.split(";").map((part) => part.trim().split(" ")).map(([name, ...values]) => [name!, values]));
}

describe("page security headers", () => {
  it("allows scripts only with the request's nonce, and nothing that is not needed", () => {
    const csp = directives(contentSecurityPolicy({ ...base, pathname: "/w/acme" }));
    expect(csp["script-src"]).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    expect(csp["style-src"]).toEqual(["'self'", `'nonce-${NONCE}'`]);
    expect(csp["style-src-attr"]).toEqual(["'unsafe-inline'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["frame-ancestors"]).toEqual(["'self'"]);
    expect(csp["upgrade-insecure-requests"]).toBeUndefined();
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
  });

  it("adds 'unsafe-eval' only for next dev", () => {
    expect(directives(contentSecurityPolicy({ ...base, pathname: "/login", development: true }))["script-src"]).toContain("'unsafe-eval'");
  });

  it("gives every page nosniff, a frame rule and a referrer policy; HSTS only over https", () => {
    const headers = pageSecurityHeaders({ ...base, pathname: "/login" });
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "SAMEORIGIN",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    const secure = pageSecurityHeaders({ ...base, pathname: "/login", https: true });
    expect(secure["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(directives(secure["Content-Security-Policy"]!)["upgrade-insecure-requests"]).toEqual([]);
  });

  it("sends no referrer from pages whose URL carries a token", () => {
    for (const path of ["/s/AbCdEfGh1234", "/s/AbCdEfGh1234/", "/s/unsubscribe", "/invite/abc123", "/reset-password", "/reset-password/tok"]) {
      expect(referrerPolicyFor(path), path).toBe("no-referrer");
      expect(pageSecurityHeaders({ ...base, pathname: path })["Referrer-Policy"]).toBe("no-referrer");
    }
    for (const path of ["/", "/login", "/signup", "/workspaces", "/w/acme/studies/1", "/survey", "/invites", "/sx/abc"]) {
      expect(referrerPolicyFor(path), path).toBe("strict-origin-when-cross-origin");
    }
  });

  it("lets the configured origins frame the respondent page and no other page", () => {
    const embedOrigins = ["https://intranet.example.com", "https://portal.example.com"];
    const respondent = pageSecurityHeaders({ ...base, pathname: "/s/AbCdEfGh1234", embedOrigins });
    expect(directives(respondent["Content-Security-Policy"]!)["frame-ancestors"]).toEqual(["'self'", ...embedOrigins]);
    // X-Frame-Options cannot name origins: left out where frame-ancestors allows others.
    expect(respondent["X-Frame-Options"]).toBeUndefined();
    for (const pathname of ["/s/unsubscribe", "/login", "/w/acme", "/preview/acme/1", "/invite/abc", "/s/AbCdEfGh1234/extra"]) {
      const headers = pageSecurityHeaders({ ...base, pathname, embedOrigins });
      expect(directives(headers["Content-Security-Policy"]!)["frame-ancestors"], pathname).toEqual(["'self'"]);
      expect(headers["X-Frame-Options"], pathname).toBe("SAMEORIGIN");
    }
    // Without the setting, the respondent page is framed only by the app itself.
    const alone = pageSecurityHeaders({ ...base, pathname: "/s/AbCdEfGh1234" });
    expect(directives(alone["Content-Security-Policy"]!)["frame-ancestors"]).toEqual(["'self'"]);
    expect(alone["X-Frame-Options"]).toBe("SAMEORIGIN");
    expect(isEmbeddablePage("/s/unsubscribe/")).toBe(false);
  });

  it("lets sign-in forms go on to the SSO providers only", () => {
    const origins = ssoOrigins([
      { id: "google", clientId: "g", clientSecret: "s" },
      { id: "azure-ad", clientId: "a", clientSecret: "s", tenantId: "t" },
      { id: "oidc", clientId: "o", clientSecret: "s", issuer: "https://login.example.com/realms/acme", name: "SSO" },
    ]);
    expect(origins).toEqual(["https://accounts.google.com", "https://login.microsoftonline.com", "https://login.example.com"]);
    expect(directives(contentSecurityPolicy({ ...base, pathname: "/login", formActionOrigins: origins }))["form-action"]).toEqual(["'self'", ...origins]);
  });

  it("counts a request as https when the public URL is, or the first proxy says so", () => {
    expect(servedOverHttps("https://needscape.example.com", null)).toBe(true);
    expect(servedOverHttps("http://localhost:3000", "https")).toBe(true);
    expect(servedOverHttps("http://localhost:3000", "https, http")).toBe(true);
    expect(servedOverHttps("http://localhost:3000", "http, https")).toBe(false);
    expect(servedOverHttps("http://localhost:3000", null)).toBe(false);
  });
});

describe("API headers (next.config.js)", () => {
  type Rule = { source: string; has?: unknown[]; headers: { key: string; value: string }[] };
  const rulesFor = async (pathname: string, forwardedHttps = false) => {
    // Plain JavaScript read by Next itself; loaded by URL so the type checker does not need a declaration.
    const nextConfig = (await import(pathToFileURL(path.resolve("next.config.js")).href)).default as NextConfig;
    const rules = (await nextConfig.headers!()) as Rule[];
    // The sources used are "/:path*", "/api/:path*", "/api/auth/:path*" and a negative lookahead; match them as Next does.
    const matches = (source: string) =>
      new RegExp(`^${source.replace("/:path((?!v1/public/).*)", "/(?!v1/public/).*").replace("/:path*", "(/.*)?")}$`).test(pathname);
    const merged: Record<string, string> = {};
    for (const rule of rules) {
      if (!matches(rule.source)) continue;
      if (rule.has && !forwardedHttps) continue;
      for (const { key, value } of rule.headers) merged[key] = value;
    }
    return merged;
  };

  it("gives every /api response nosniff, no framing, no referrer and no caching", async () => {
    const headers = await rulesFor("/api/v1/studies");
    expect(headers).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    });
    expect((await rulesFor("/api/v1/studies", true))["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("leaves Cache-Control to the public respondent endpoints, and styles to next-auth's pages", async () => {
    const submit = await rulesFor("/api/v1/public/surveys/abc/responses");
    expect(submit["Cache-Control"]).toBeUndefined();
    expect(submit["X-Frame-Options"]).toBe("DENY");
    const auth = await rulesFor("/api/auth/signout");
    expect(auth["Content-Security-Policy"]).toContain("style-src 'unsafe-inline'");
    expect(auth["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
  });

  it("gives static files nosniff", async () => {
    expect(await rulesFor("/_next/static/chunks/app.js")).toEqual({ "X-Content-Type-Options": "nosniff" });
  });
});
