/**
 * `runSweep` on worker threads, so a sweep never blocks the server's event loop and uses two
 * cores when the machine has them. The data goes to the workers once, in a SharedArrayBuffer
 * they only read; tasks are handed out one at a time to whichever worker is free, from one queue:
 * the full-data fits (largest k first), then the bootstrap resample fits, which need nothing from
 * the full-data fits — so no thread waits for another between the phases and every core stays busy
 * to the end. The bootstraps' segment-level Jaccard values, which do need the full-data solution,
 * are computed here at the end (milliseconds). Every task seeds itself (see sweep-tasks.ts), so
 * results are identical to `runSweep` whatever the number of threads or the order tasks finish in.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { distanceKernelsSetting } from "@/lib/env";
import { startWorker } from "@/lib/workers/start-worker";
import type { Matrix } from "./matrix";
import { distanceKernels, setDistanceKernels } from "./wasm-kernels";
import { assembleSweep, resolveSweepOptions, sweepKs, type SweepCallbacks, type SweepOptions, type SweepResult } from "./sweep";
import type { KMeansRestartResult } from "./kmeans-restarts";
import {
  bootstrapJaccard,
  fitSweepSolution,
  type BootstrapFitsResult,
  type BootstrapTaskResult,
  type FitTaskResult,
  type ResolvedSweepOptions,
} from "./sweep-tasks";

export type SweepWorkerRequest =
  | { type: "fit"; k: number }
  | { type: "solution"; k: number }
  | { type: "bootstrapFits"; k: number; bootstrap: number };

export type SweepWorkerResponse =
  | { type: "fit"; result: FitTaskResult }
  | { type: "solution"; result: KMeansRestartResult }
  | { type: "bootstrapFits"; result: BootstrapFitsResult }
  | { type: "error"; message: string };

type TaskResult = FitTaskResult | BootstrapFitsResult | KMeansRestartResult;

export interface SweepWorkerCallbacks extends Omit<SweepCallbacks, "shouldCancel"> {
  /** Worker threads to use; default min(2, os.availableParallelism()). */
  threads?: number;
}

export const SWEEP_WORKER_ENTRY = "lib/analysis/sweep.worker.ts";

// The server's choice of distance kernels (NEEDSCAPE_DISTANCE_KERNELS), for this thread and, through
// workerData, for every sweep worker.
setDistanceKernels(distanceKernelsSetting());

export function defaultSweepThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

export async function runSweepInWorkers(
  matrix: Matrix,
  options: SweepOptions = {},
  callbacks: SweepWorkerCallbacks = {},
): Promise<SweepResult> {
  const resolved = resolveSweepOptions(matrix, options);
  const { signal, onProgress } = callbacks;
  signal?.throwIfAborted();
  const threads = callbacks.threads ?? defaultSweepThreads();
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`threads must be a positive integer, got ${threads}`);

  const shared = new Float64Array(new SharedArrayBuffer(matrix.data.byteLength));
  shared.set(matrix.data);
  const workerData = { buffer: shared.buffer, rows: matrix.rows, cols: matrix.cols, options: resolved, kernels: distanceKernels() };
  const ks = sweepKs(resolved);
  const fitTasks: SweepWorkerRequest[] = [...ks].reverse().map((k) => ({ type: "fit", k })); // largest k first: they take longest
  const total = ks.length * (1 + resolved.bootstraps);
  let completed = 0;
  const workers: Worker[] = [];
  const cleanUp = () => Promise.all(workers.map((w) => w.terminate()));

  try {
    for (let t = 0; t < Math.min(threads, total); t++) {
      const worker = startWorker(SWEEP_WORKER_ENTRY, workerData);
      // An 'error' with no listener would crash the process; the queue's own listener reports it while a phase runs.
      worker.on("error", () => {});
      workers.push(worker);
    }
    const tasks: SweepWorkerRequest[] = [...fitTasks];
    for (let b = 0; b < resolved.bootstraps; b++) for (const k of ks) tasks.push({ type: "bootstrapFits", k, bootstrap: b });
    const fits: FitTaskResult[] = [];
    const bootFits: BootstrapFitsResult[] = [];
    await runQueue(workers, tasks, signal, (response) => {
      if (response.type === "fit") {
        fits.push(response.result);
        onProgress?.({ phase: "fit", k: response.result.k, completed: ++completed, total });
      } else if (response.type === "bootstrapFits") {
        bootFits.push(response.result);
        const { k, bootstrap } = response.result;
        onProgress?.({ phase: "stability", k, bootstrap, completed: ++completed, total });
      }
    });
    const boots = bootFits.map((r): BootstrapTaskResult => {
      const reference = fits.find((f) => f.k === r.k)!.solution.assignments;
      return { k: r.k, bootstrap: r.bootstrap, ari: r.ari, jaccard: bootstrapJaccard(matrix.rows, r.k, r.bootstrap, resolved, r.sampleLabels, reference) };
    });
    return assembleSweep(matrix, resolved, fits, boots);
  } finally {
    await cleanUp();
  }
}

// Below this many cells a fit takes milliseconds, less than starting a worker thread does.
const SOLUTION_WORKER_MIN_CELLS = 2_000_000;

/**
 * The sweep's full-data solution for k (`fitSweepSolution`, so exactly what the sweep showed), on a
 * worker thread when the data is large, so saving a run's solution never blocks the event loop for
 * seconds; small data is fitted in place.
 */
export async function fitSweepSolutionOffThread(
  matrix: Matrix,
  k: number,
  options: ResolvedSweepOptions,
  minCells = SOLUTION_WORKER_MIN_CELLS,
): Promise<KMeansRestartResult> {
  if (matrix.rows * matrix.cols < minCells) return fitSweepSolution(matrix, k, options);
  const shared = new Float64Array(new SharedArrayBuffer(matrix.data.byteLength));
  shared.set(matrix.data);
  const worker = startWorker(SWEEP_WORKER_ENTRY, { buffer: shared.buffer, rows: matrix.rows, cols: matrix.cols, options, kernels: distanceKernels() });
  worker.on("error", () => {});
  try {
    const [result] = await runQueue([worker], [{ type: "solution", k }], undefined, () => {});
    return result as unknown as KMeansRestartResult;
  } finally {
    await worker.terminate();
  }
}

/** Hands tasks to free workers until all are answered; rejects on the first error or on abort. */
function runQueue(
  workers: Worker[],
  tasks: SweepWorkerRequest[],
  signal: AbortSignal | undefined,
  onDone: (response: SweepWorkerResponse) => void,
): Promise<TaskResult[]> {
  return new Promise((resolve, reject) => {
    const results: TaskResult[] = [];
    let next = 0;
    let settled = false;
    const listeners: (() => void)[] = [];
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      listeners.forEach((remove) => remove());
      if (error !== undefined) reject(error);
      else resolve(results);
    };
    const onAbort = () => finish(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    listeners.push(() => signal?.removeEventListener("abort", onAbort));
    if (signal?.aborted) return finish(signal.reason);
    if (tasks.length === 0) return finish();

    const feed = (worker: Worker) => {
      if (next < tasks.length) worker.postMessage(tasks[next++]);
    };
    for (const worker of workers) {
      const onMessage = (response: SweepWorkerResponse) => {
        if (settled) return;
        if (response.type === "error") return finish(new Error(`Sweep worker failed: ${response.message}`));
        results.push(response.result);
        onDone(response);
        if (results.length === tasks.length) return finish();
        feed(worker);
      };
      const onError = (error: Error) => finish(error);
      const onExit = (code: number) => finish(new Error(`Sweep worker exited early with code ${code}`));
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      listeners.push(() => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      });
      feed(worker);
    }
  });
}
