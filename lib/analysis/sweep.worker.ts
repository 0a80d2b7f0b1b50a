// Worker thread of runSweepInWorkers: runs sweep tasks on the shared, read-only data matrix.
import { parentPort, workerData } from "node:worker_threads";
import { fitSweepSolution, runBootstrapFits, runFitTask, type ResolvedSweepOptions } from "./sweep-tasks";
import type { SweepWorkerRequest, SweepWorkerResponse } from "./sweep-workers";
import { setDistanceKernels, type DistanceKernelsSetting } from "./wasm-kernels";

const { buffer, rows, cols, options, kernels } = workerData as {
  buffer: SharedArrayBuffer;
  rows: number;
  cols: number;
  options: ResolvedSweepOptions;
  kernels: DistanceKernelsSetting;
};
setDistanceKernels(kernels);
const matrix = { data: new Float64Array(buffer), rows, cols };
const port = parentPort!;

port.on("message", (request: SweepWorkerRequest) => {
  let response: SweepWorkerResponse;
  try {
    if (request.type === "fit") {
      response = { type: "fit", result: runFitTask(matrix, request.k, options) };
    } else if (request.type === "solution") {
      response = { type: "solution", result: fitSweepSolution(matrix, request.k, options) };
    } else {
      response = { type: "bootstrapFits", result: runBootstrapFits(matrix, request.k, request.bootstrap, options) };
    }
  } catch (error) {
    response = { type: "error", message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
});
