import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

function newestSourceChange(): number {
  // git knows which files are sources; their newest mtime says whether the last build is stale.
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "app", "components", "lib", "db", "public", "next.config.js", "package.json"], {
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean);
  return Math.max(...files.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
}

/** Builds the production bundle when there is none or sources changed since (`--force` always builds). */
export function buildIfNeeded(force = false): void {
  const buildId = path.resolve(".next/BUILD_ID");
  let stale = force || !existsSync(buildId);
  if (!stale) {
    try {
      stale = newestSourceChange() > statSync(buildId).mtimeMs;
    } catch {
      stale = true;
    }
  }
  if (!stale) return;
  console.log("Building the app (about a minute on 2 cores)…");
  execFileSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  readFileSync(buildId);
}
