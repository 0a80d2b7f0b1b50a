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
