import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The one place that reads process.env; everything else asks this module. */

export const dataDir = path.resolve(process.env.NEEDSCAPE_DATA_DIR ?? ".data");

export function databaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

export function pgliteDir(): string {
  return path.resolve(process.env.PGLITE_DIR ?? path.join(dataDir, "pglite"));
}

export function isEmbedded(): boolean {
  return databaseUrl() === undefined;
}

/**
 * With the embedded database the secret is generated once into .data/ so a fresh
 * clone needs no set-up; with a real database (a deployment) it must come from the environment.
 */
export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (!isEmbedded()) {
    throw new Error("NEXTAUTH_SECRET must be set when DATABASE_URL is set (generate one with: openssl rand -base64 32).");
  }
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8").trim();
}

export type OAuthProviderEnv =
  | { id: "google"; clientId: string; clientSecret: string }
  | { id: "azure-ad"; clientId: string; clientSecret: string; tenantId: string }
  | { id: "oidc"; clientId: string; clientSecret: string; issuer: string; name: string };

/** OAuth/OIDC providers are switched on by setting their variables; none are needed to run. */
export function oauthProviders(): OAuthProviderEnv[] {
  const env = process.env;
  const providers: OAuthProviderEnv[] = [];
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push({ id: "google", clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET });
  }
  if (env.AZURE_AD_CLIENT_ID && env.AZURE_AD_CLIENT_SECRET && env.AZURE_AD_TENANT_ID) {
    providers.push({
      id: "azure-ad",
      clientId: env.AZURE_AD_CLIENT_ID,
      clientSecret: env.AZURE_AD_CLIENT_SECRET,
      tenantId: env.AZURE_AD_TENANT_ID,
    });
  }
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      name: env.OIDC_NAME ?? "Company SSO",
    });
  }
  return providers;
}

export function appUrl(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

/** At least 2: a running import holds one connection for its COPY while it reads the file through another. */
export function databasePoolSize(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(size) && size > 0 ? Math.max(2, size) : 10;
}

export type SmtpSettings = { host: string; port: number; user?: string; password?: string; from: string };

/** Outgoing mail for survey invitations; without SMTP_HOST and SMTP_FROM messages stay in the outbox page. */
export function smtpSettings(): SmtpSettings | undefined {
  const env = process.env;
  const host = env.SMTP_HOST?.trim();
  const from = env.SMTP_FROM?.trim();
  if (!host || !from) return undefined;
  const port = Number(env.SMTP_PORT ?? 587);
  return { host, port: Number.isInteger(port) && port > 0 ? port : 587, user: env.SMTP_USER || undefined, password: env.SMTP_PASSWORD || undefined, from };
}

/** Largest customer-data file accepted for import (bytes as uploaded, gzipped or not); IMPORT_MAX_MB, default 200. */
export function importMaxBytes(): number {
  const mb = Number(process.env.IMPORT_MAX_MB ?? 200);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : 200) * 1024 * 1024);
}

/**
 * Distance kernels of the k-means core (NEEDSCAPE_DISTANCE_KERNELS): "auto" (default) uses
 * WebAssembly SIMD where the runtime supports it, "js" forces the plain JavaScript kernels. Both
 * give bit-identical results. Applied by lib/analysis/sweep-workers.ts in the server and its workers.
 */
export function distanceKernelsSetting(): "auto" | "js" {
  return process.env.NEEDSCAPE_DISTANCE_KERNELS?.trim().toLowerCase() === "js" ? "js" : "auto";
}
