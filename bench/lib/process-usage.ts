import { readdirSync, readFileSync } from "node:fs";

// Linux /proc readers for the benchmark report; elsewhere they return undefined and the row says "n/a".
const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the benchmark runs on

function statFields(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) used so far by a process and all its descendants (next start runs the server in a child). */
export function processTreeCpuSeconds(rootPid: number): number | undefined {
  let pids: number[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return undefined;
  }
  const parentOf = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    const fields = statFields(pid);
    if (!fields) continue;
    parentOf.set(pid, Number(fields[1])); // ppid is field 4, index 1 after the name
    ticks.set(pid, Number(fields[11]) + Number(fields[12])); // utime, stime: fields 14 and 15
  }
  if (!ticks.has(rootPid)) return undefined;
  const inTree = (pid: number): boolean => {
    for (let current: number | undefined = pid; current && current > 1; current = parentOf.get(current)) if (current === rootPid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, t] of ticks) if (inTree(pid)) total += t;
  return total / TICKS_PER_SECOND;
}

/** Busy and total CPU ticks of the whole machine, for its share of time spent working. */
export function machineCpuTicks(): { busy: number; total: number } | undefined {
  try {
    const [cpu] = readFileSync("/proc/stat", "utf8").split("\n");
    const values = cpu!.trim().split(/\s+/).slice(1).map(Number);
    const idle = values[3]! + (values[4] ?? 0);
    const total = values.reduce((sum, v) => sum + v, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** Samples this process's resident set size until stopped; returns the peak growth over the start in bytes. */
export function trackPeakRss(intervalMs = 10): () => number {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  return () => {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage.rss());
    return peak - start;
  };
}
