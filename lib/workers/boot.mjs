// Entry of every worker thread: registers the TypeScript loader (tsx, the same one `npm start` runs on),
// then loads the worker module named in workerData. Worker modules live as .ts files in lib/, so the
// same code runs under `next start`, `next dev`, vitest and the benchmarks without a separate build.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register({ tsconfig: workerData.tsconfig });
await import(workerData.entry);
