// Entry of every worker thread: loads the worker module named in workerData. Worker modules live as .ts
// files in lib/, so the same code runs under `next start`, `next dev`, vitest and the benchmarks without
// a separate build step: they run from a cached bundle (worker-bundle.mjs), or through the TypeScript
// loader (tsx, the same one `npm start` runs on) when bundling is off or fails.
import { workerData } from "node:worker_threads";

let bundle;
if (process.env.NEEDSCAPE_WORKER_BUNDLES !== "0") {
  try {
    const { bundledWorker } = await import("./worker-bundle.mjs");
    bundle = await bundledWorker(workerData.entry, workerData.tsconfig);
  } catch (error) {
    console.warn(`Worker bundle unavailable, loading ${workerData.entry} through tsx:`, error instanceof Error ? error.message : error);
  }
}
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: workerData.tsconfig });
  await import(workerData.entry);
}
