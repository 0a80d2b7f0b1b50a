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
});
