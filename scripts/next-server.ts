import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * Starts `next start` as a child in its own process group, so stopping it never leaves
 * an orphaned next-server behind (npx would).
 */
export function startNextServer(options: { port: number; env?: NodeJS.ProcessEnv }): ChildProcess {
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(options.port)], {
    stdio: "inherit",
    detached: true,
    env: { NEXTAUTH_URL: `http://localhost:${options.port}`, ...process.env, ...options.env, PORT: String(options.port) },
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
  process.on("SIGINT", () => (stop(), process.exit(130)));
  process.on("SIGTERM", () => (stop(), process.exit(143)));
  process.on("exit", stop);
  return child;
}
