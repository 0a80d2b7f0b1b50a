import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * Runs `next start` as a direct child (not through npx, which leaves next-server orphaned) in
 * our process group, so a group kill (Ctrl+C, Playwright's webServer shutdown) ends both, and
 * a plain SIGTERM to us is passed on. With `instances` > 1 (WEB_CONCURRENCY), the child is a
 * node:cluster primary running that many `next start` workers on the one port (PostgreSQL only).
 */
export function startNextServer(options: { port: number; env?: Record<string, string | undefined>; exitWithServer?: boolean; nodeArgs?: string[]; instances?: number }): ChildProcess {
  const env: Record<string, string | undefined> = { NEXTAUTH_URL: `http://localhost:${options.port}`, ...process.env, ...options.env, PORT: String(options.port) };
  const instances = options.instances ?? serverInstances(env);
  if (instances > 1 && !env.DATABASE_URL) {
    throw new Error("WEB_CONCURRENCY > 1 needs DATABASE_URL: the embedded PGlite database serves one process only.");
  }
  // The peer-address preload lets per-address rate limits see direct clients (lib/http/client-address.ts).
  const nodeArgs = ["--require", path.resolve("scripts/peer-address.cjs"), ...(options.nodeArgs ?? [])];
  // Through node itself (not the bin's shebang) so flags such as --cpu-prof can be passed.
  const args =
    instances > 1
      ? [path.resolve("scripts/next-cluster.mjs"), String(instances), String(options.port), ...nodeArgs]
      : [...nodeArgs, path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(options.port), "--keepAliveTimeout", String(KEEP_ALIVE_MS)];
  const child = spawn(process.execPath, args, { stdio: "inherit", env: env as NodeJS.ProcessEnv });
  const stop = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("exit", () => stop("SIGTERM"));
  if (options.exitWithServer !== false) child.once("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  return child;
}

/**
 * Idle keep-alive connections stay open this long (Node's default is 5 s). A client or load balancer
 * that reuses an idle connection just as the server closes it gets a reset; keeping them longer than
 * the usual 60 s idle timeout of proxies and HTTP clients leaves the closing to the other side.
 */
export const KEEP_ALIVE_MS = 65_000;

/** App server processes on this machine: WEB_CONCURRENCY (default 1). */
export function serverInstances(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.WEB_CONCURRENCY ?? 1);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new Error(`WEB_CONCURRENCY must be a whole number 1–64, not "${env.WEB_CONCURRENCY}".`);
  return value;
}
