import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * Runs `next start` as a direct child (not through npx, which leaves next-server orphaned) in
 * our process group, so a group kill (Ctrl+C, Playwright's webServer shutdown) ends both, and
 * a plain SIGTERM to us is passed on.
 */
export function startNextServer(options: { port: number; env?: NodeJS.ProcessEnv; exitWithServer?: boolean; nodeArgs?: string[] }): ChildProcess {
  // Through node itself (not the bin's shebang) so flags such as --cpu-prof can be passed.
  const args = [...(options.nodeArgs ?? []), path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(options.port)];
  const child = spawn(process.execPath, args, {
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
