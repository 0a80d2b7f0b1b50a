import { readFileSync, rmSync, writeFileSync } from "node:fs";

/**
 * PGlite takes no lock of its own, and two processes on one data folder corrupt it silently.
 * A pid file beside the folder refuses a second process with a clear message instead.
 */
export function acquirePgliteLock(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (readFileSync(lockFile, "utf8") === String(process.pid)) rmSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockFile, "utf8"));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `The embedded database ${dir} is in use by process ${owner}. Stop that process first, or use PostgreSQL with DATABASE_URL.`,
        );
      }
      rmSync(lockFile, { force: true }); // left behind by a process that has exited
    }
  }
  throw new Error(`Could not lock the embedded database ${dir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
