import { existsSync } from "node:fs";

/** Debian's Chromium (or CHROMIUM_PATH): Playwright's own browser download is not available offline. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  return candidates.find((candidate) => existsSync(candidate));
}
