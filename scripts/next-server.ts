import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * Runs `next start` as a direct child (not through npx, which leaves next-server orphaned) in
 * our process group, so a group kill (Ctrl+C, Playwright's webServer shutdown) ends both, and
 * a plain SIGTERM to us is passed on.
 */
export function startNextServer(options: { port: number; env?: NodeJS.ProcessEnv; exitWithServer?: boolean }): ChildProcess {
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(options.port)], {
    stdio: "inherit",
    env: { NEXTAUTH_URL: `http://localhost:${options.port}`, ...process.env, ...options.env, PORT: String(options.port) },
  });
  const stop = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("exit", () => stop("SIGTERM"));
  if (options.exitWithServer !== false) child.once("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  return child;
}
