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

function positiveNumber(raw: string | undefined, fallback: number): number {
  const value = Number(raw ?? fallback);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** A session unused this long ends (sliding); SESSION_IDLE_HOURS, default 8. */
export function sessionIdleMs(): number {
  return Math.round(positiveNumber(process.env.SESSION_IDLE_HOURS, 8) * 3600_000);
}

/** No session outlives this from sign-in, however active; SESSION_MAX_DAYS, default 7. */
export function sessionMaxMs(): number {
  return Math.round(positiveNumber(process.env.SESSION_MAX_DAYS, 7) * 24 * 3600_000);
}

/** Without SMTP, account mail (password resets) is also written here as .eml files; NEEDSCAPE_MAIL_DIR, default .data/mail. */
export function mailDropDir(): string {
  return path.resolve(process.env.NEEDSCAPE_MAIL_DIR?.trim() || path.join(dataDir, "mail"));
}

/**
 * Rate limits (README "Rate limits"), each overridable as RATE_LIMIT_<NAME>: a window "attempts/period"
 * (30/5m), a back-off "free failures/first wait/longest wait" (5/1s/15m), or "off". Periods ≤ 1d.
 */
export const RATE_LIMIT_DEFAULTS = {
  SIGN_IN_PER_ACCOUNT: "5/1s/15m",
  SIGN_IN_PER_ADDRESS: "30/5m",
  SIGN_UP_PER_ADDRESS: "10/1h",
  INVITATION_PER_USER: "10/15m",
  INVITATION_PER_ADDRESS: "30/15m",
  SUBMIT_PER_ADDRESS: "600/10m",
  RESPONDENT_PER_ADDRESS: "3000/10m",
  PASSWORD_RESET_PER_EMAIL: "3/1h",
  PASSWORD_RESET_PER_ADDRESS: "10/1h",
  SHARE_PASSWORD_PER_LINK: "5/1s/15m",
  SHARE_PASSWORD_PER_ADDRESS: "30/5m",
} as const;
export type RateLimitName = keyof typeof RATE_LIMIT_DEFAULTS;

export function rateLimitSetting(name: RateLimitName): string {
  return process.env[`RATE_LIMIT_${name}`]?.trim() || RATE_LIMIT_DEFAULTS[name];
}

/** Whether (and how) to read the client address from proxy headers; see lib/http/client-address.ts. Default: not. */
export function trustProxySetting(): string | undefined {
  return process.env.TRUST_PROXY;
}

/**
 * What one customer-data import may put into the database, whatever its file holds (a gzip bomb, a
 * header of 150,000 columns, a file of bad rows). Read by the upload, the start and the import job.
 */
export type ImportLimits = {
  /** Bytes after decompression (IMPORT_MAX_DECOMPRESSED_MB, default 2048 MiB). */
  maxDecompressedBytes: number;
  /** Decompressed bytes per compressed byte, checked past the first 16 MiB (IMPORT_MAX_COMPRESSION_RATIO, default 100; 0 = no check). */
  maxCompressionRatio: number;
  /** Rows (records after the header) per import (IMPORT_MAX_ROWS, default 5,000,000). */
  maxRows: number;
  /** Bad rows kept row by row for the report; all are counted (IMPORT_MAX_BAD_ROWS_KEPT, default 1,000). */
  maxBadRowsKept: number;
  /** Share of bad rows that stops an import (IMPORT_MAX_ERROR_RATIO, default 0.5; 1 = never) … */
  maxErrorRatio: number;
  /** … once this many rows have been read (IMPORT_ERROR_RATIO_MIN_ROWS, default 1,000). */
  errorRatioMinRows: number;
  /** Columns of the header (IMPORT_MAX_COLUMNS, default 500). */
  maxColumns: number;
};

function numberSetting(name: string, fallback: number, valid: (n: number) => boolean): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw.replace(/_/g, ""));
  return Number.isFinite(value) && valid(value) ? value : fallback;
}

export function importLimits(): ImportLimits {
  const positive = (n: number) => n > 0;
  const count = (n: number) => Number.isInteger(n) && n >= 0;
  return {
    maxDecompressedBytes: Math.round(numberSetting("IMPORT_MAX_DECOMPRESSED_MB", 2048, positive) * 1024 * 1024),
    maxCompressionRatio: numberSetting("IMPORT_MAX_COMPRESSION_RATIO", 100, (n) => n === 0 || n >= 2),
    maxRows: numberSetting("IMPORT_MAX_ROWS", 5_000_000, (n) => count(n) && n > 0),
    maxBadRowsKept: numberSetting("IMPORT_MAX_BAD_ROWS_KEPT", 1000, count),
    maxErrorRatio: numberSetting("IMPORT_MAX_ERROR_RATIO", 0.5, (n) => n > 0 && n <= 1),
    errorRatioMinRows: numberSetting("IMPORT_ERROR_RATIO_MIN_ROWS", 1000, (n) => count(n) && n > 0),
    maxColumns: numberSetting("IMPORT_MAX_COLUMNS", 500, (n) => count(n) && n > 0),
  };
}

/**
 * Distance kernels of the k-means core (NEEDSCAPE_DISTANCE_KERNELS): "auto" (default) uses
 * WebAssembly SIMD where the runtime supports it, "js" forces the plain JavaScript kernels. Both
 * give bit-identical results. Applied by lib/analysis/sweep-workers.ts in the server and its workers.
 */
export function distanceKernelsSetting(): "auto" | "js" {
  return process.env.NEEDSCAPE_DISTANCE_KERNELS?.trim().toLowerCase() === "js" ? "js" : "auto";
}
