import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

async function freshEnv() {
  vi.resetModules();
  return import("./env");
}

afterEach(() => vi.unstubAllEnvs());

describe("env", () => {
  it("switches SSO providers on only when all their variables are set", async () => {
    vi.stubEnv("GOOGLE_CLIENT_ID", "g-id");
    vi.stubEnv("GOOGLE_CLIENT_SECRET", "g-secret");
    vi.stubEnv("AZURE_AD_CLIENT_ID", "a-id"); // no secret or tenant: stays off
    vi.stubEnv("OIDC_ISSUER", "https://login.example.com/");
    vi.stubEnv("OIDC_CLIENT_ID", "o-id");
    vi.stubEnv("OIDC_CLIENT_SECRET", "o-secret");
    const { oauthProviders } = await freshEnv();
    expect(oauthProviders().map((p) => p.id)).toEqual(["google", "oidc"]);
    expect(oauthProviders().find((p) => p.id === "oidc")).toMatchObject({ name: "Company SSO", issuer: "https://login.example.com/" });
  });

  it("generates the embedded set-up's secret once and reuses it", async () => {
    vi.stubEnv("NEEDSCAPE_DATA_DIR", mkdtempSync(path.join(tmpdir(), "env-")));
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    const { authSecret, dataDir } = await freshEnv();
    const secret = authSecret();
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(authSecret()).toBe(secret);
    expect(readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim()).toBe(secret);
  });

  it("requires NEXTAUTH_SECRET when running on PostgreSQL", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://localhost/needscape");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    const { authSecret } = await freshEnv();
    expect(() => authSecret()).toThrow(/NEXTAUTH_SECRET must be set/);
  });

  it("ends sessions after 8 idle hours and 7 days by default, or as SESSION_IDLE_HOURS and SESSION_MAX_DAYS say", async () => {
    const defaults = await freshEnv();
    expect([defaults.sessionIdleMs(), defaults.sessionMaxMs()]).toEqual([8 * 3600_000, 7 * 24 * 3600_000]);
    vi.stubEnv("SESSION_IDLE_HOURS", "0.5");
    vi.stubEnv("SESSION_MAX_DAYS", "1");
    const custom = await freshEnv();
    expect([custom.sessionIdleMs(), custom.sessionMaxMs()]).toEqual([1800_000, 24 * 3600_000]);
    vi.stubEnv("SESSION_IDLE_HOURS", "never");
    expect((await freshEnv()).sessionIdleMs()).toBe(8 * 3600_000);
  });

  it("drops account mail into .data/mail unless NEEDSCAPE_MAIL_DIR names another folder", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "env-"));
    vi.stubEnv("NEEDSCAPE_DATA_DIR", dataDir);
    expect((await freshEnv()).mailDropDir()).toBe(path.join(dataDir, "mail"));
    vi.stubEnv("NEEDSCAPE_MAIL_DIR", path.join(dataDir, "elsewhere"));
    expect((await freshEnv()).mailDropDir()).toBe(path.join(dataDir, "elsewhere"));
  });
});

describe("public URL and embedding", () => {
  it("builds links from NEXTAUTH_URL, without a trailing slash, and refuses what is not a base URL", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://needscape.example.com/");
    expect((await freshEnv()).appUrl()).toBe("https://needscape.example.com");
    vi.stubEnv("NEXTAUTH_URL", "https://example.com/needscape/");
    expect((await freshEnv()).appUrl()).toBe("https://example.com/needscape");
    for (const bad of ["needscape.example.com", "ftp://example.com", "https://example.com/?x=1", "https://user:pw@example.com"]) {
      vi.stubEnv("NEXTAUTH_URL", bad);
      const { appUrl } = await freshEnv();
      expect(() => appUrl(), bad).toThrow(/NEXTAUTH_URL/);
    }
  });

  it("falls back to localhost only with the embedded database; a deployment must set NEXTAUTH_URL", async () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("PORT", "3456");
    vi.stubEnv("DATABASE_URL", "");
    expect((await freshEnv()).appUrl()).toBe("http://localhost:3456");
    vi.stubEnv("DATABASE_URL", "postgres://localhost/needscape");
    const { appUrl } = await freshEnv();
    expect(() => appUrl()).toThrow(/NEXTAUTH_URL must be set when DATABASE_URL is set/);
  });

  it("reads EMBED_ALLOWED_ORIGINS as a list of exact origins and stops on anything else", async () => {
    vi.stubEnv("EMBED_ALLOWED_ORIGINS", "");
    expect((await freshEnv()).embedAllowedOrigins()).toEqual([]);
    vi.stubEnv("EMBED_ALLOWED_ORIGINS", " https://intranet.example.com, https://Portal.Example.com:8443/ https://intranet.example.com ");
    expect((await freshEnv()).embedAllowedOrigins()).toEqual(["https://intranet.example.com", "https://portal.example.com:8443"]);
    for (const bad of ["intranet.example.com", "https://intranet.example.com/path", "https://*.example.com", "javascript:alert(1)", "https://a.example.com;script-src *", "https://x.example.com?q", "'self'"]) {
      vi.stubEnv("EMBED_ALLOWED_ORIGINS", `https://ok.example.com,${bad}`);
      const { embedAllowedOrigins } = await freshEnv();
      expect(() => embedAllowedOrigins(), bad).toThrow(/EMBED_ALLOWED_ORIGINS/);
    }
  });
});
