import { spawnSync } from "node:child_process";
import { chromiumPath } from "../tests/e2e/support/chromium";

/**
 * Finds Chromium for Playwright. On a Debian machine where we are root and none is installed,
 * installs Debian's package; anywhere else, stops with a message saying how.
 */
export function ensureChromium(): string {
  const found = chromiumPath();
  if (found) return found;
  const canApt = process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (canApt) {
    console.log("Chromium not found: installing Debian's chromium package…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
    const installed = chromiumPath();
    if (installed) return installed;
  }
  console.error(
    "\nThe end-to-end tests need Chromium and none was found.\n" +
      "  Debian/Ubuntu: sudo apt-get install chromium\n" +
      "  Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium\n",
  );
  process.exit(2);
}
