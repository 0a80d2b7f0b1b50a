import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { getDb } from "@/db/client";
import { jobHandlers } from "./job-handlers";
import { runNextJob } from "./run-next-job";

const POLL_MS = 2_000;
const state = globalThis as unknown as { needscapeJobRunner?: { timer: NodeJS.Timeout; busy: boolean; instanceId: string } };

function instanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/** Runs waiting jobs one after another in this process (one at a time, so requests keep a core). */
async function pump(): Promise<void> {
  const runner = state.needscapeJobRunner;
  if (!runner || runner.busy) return;
  runner.busy = true;
  try {
    while (await runNextJob(getDb(), { instanceId: runner.instanceId, handlers: jobHandlers })) {
      /* keep going while jobs are waiting */
    }
  } catch (error) {
    console.error("Job runner failed", error);
  } finally {
    runner.busy = false;
  }
}

/** Started by instrumentation.ts in every server instance: polls for jobs any instance may have queued. */
export function startJobRunner(): void {
  if (state.needscapeJobRunner) return;
  const timer = setInterval(() => void pump(), POLL_MS);
  timer.unref();
  state.needscapeJobRunner = { timer, busy: false, instanceId: instanceId() };
}

/** Called right after enqueuing, so this instance starts the job now instead of at the next poll. */
export function kickJobRunner(): void {
  if (state.needscapeJobRunner) setImmediate(() => void pump());
}
