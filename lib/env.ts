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

/**
 * The public URL users reach the app at (NEXTAUTH_URL), without a trailing slash: every link that leaves
 * the app (e-mails, links shown to copy) is built from it, never from a request's Host or X-Forwarded-Host.
 * Unset with the embedded database (development, demo): http://localhost:$PORT. With DATABASE_URL (a
 * deployment) it must be set, like NEXTAUTH_SECRET.
 */
export function appUrl(): string {
  const fromEnv = process.env.NEXTAUTH_URL?.trim();
  if (!fromEnv) {
    if (!isEmbedded()) throw new Error("NEXTAUTH_URL must be set when DATABASE_URL is set: the public URL of the app, e.g. https://needscape.example.com.");
    return `http://localhost:${process.env.PORT ?? 3000}`;
  }
  let url: URL;
  try {
    url = new URL(fromEnv);
  } catch {
    throw new Error(`NEXTAUTH_URL is not a URL: "${fromEnv}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`NEXTAUTH_URL must be an http(s) URL, not "${fromEnv}".`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`NEXTAUTH_URL must be a plain origin or base path, without query, fragment or credentials: "${fromEnv}".`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** `next dev` (React needs eval for its debugging there); never true under `next start`. */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}

/** A value that is exactly a web origin (scheme, host, optional port), as CSP and the Origin header spell it. */
export function parseOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  // "https://intranet.example.com" and "…/" are the same origin; a path, query or credentials are not.
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/" || value.includes("?") || value.includes("#")) return undefined;
  // A plain host name or address: no wildcards, nothing a CSP header would read as syntax.
  if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname)) return undefined;
  return url.origin;
}

/**
 * Origins allowed to embed the respondent page in a frame (EMBED_ALLOWED_ORIGINS, comma- or space-separated,
 * e.g. "https://intranet.example.com,https://portal.example.com"). Default: none (frames only from the app
 * itself). A value that is not exactly an origin stops the app rather than being ignored.
 */
export function embedAllowedOrigins(): string[] {
  const raw = process.env.EMBED_ALLOWED_ORIGINS?.trim();
  if (!raw) return [];
  const origins: string[] = [];
  for (const value of raw.split(/[\s,]+/).filter(Boolean)) {
    const origin = parseOrigin(value);
    if (!origin) throw new Error(`EMBED_ALLOWED_ORIGINS: "${value}" is not an origin (scheme://host[:port], nothing after it).`);
    if (!origins.includes(origin)) origins.push(origin);
  }
  return origins;
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
