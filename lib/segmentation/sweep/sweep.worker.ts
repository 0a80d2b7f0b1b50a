import { parentPort, workerData } from "node:worker_threads";
import { createMatrix } from "@/lib/analysis";
import { sweepOneK, type SweepSettings } from "../analysis-adapter";

// One worker of a sweep: fits its share of the ks on the transferred matrix and reports every bootstrap.
const { data, profile, rows, cols, ks, settings } = workerData as { data: Float64Array; profile?: Float64Array; rows: number; cols: number; ks: number[]; settings: SweepSettings };
const matrix = createMatrix(data, rows, cols);
const profileMatrix = profile ? createMatrix(profile, rows, cols) : matrix;
for (const k of ks) {
  const result = sweepOneK(matrix, k, settings, (done) => parentPort!.postMessage({ type: "progress", k, done }), profileMatrix);
  parentPort!.postMessage({ type: "result", result });
}
parentPort!.postMessage({ type: "done" });
