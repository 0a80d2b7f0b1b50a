import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquirePgliteLock } from "./pglite-lock";

describe("acquirePgliteLock", () => {
  it("refuses a folder another live process holds, and releases its own", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "lock-")), "pglite");
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
    writeFileSync(`${dir}.lock`, String(other.pid));
    try {
      expect(() => acquirePgliteLock(dir)).toThrow(/in use by process/);
    } finally {
      other.kill();
    }
    await new Promise((resolve) => other.once("exit", resolve));
    // The holder has exited: its stale lock is taken over.
    const release = acquirePgliteLock(dir);
    expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
