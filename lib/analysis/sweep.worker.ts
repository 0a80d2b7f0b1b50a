// Worker thread of runSweepInWorkers: runs sweep tasks on the shared, read-only data matrix.
import { parentPort, workerData } from "node:worker_threads";
import { fitSweepSolution, runBootstrapTask, runFitTask, type ResolvedSweepOptions } from "./sweep-tasks";
import type { SweepWorkerRequest, SweepWorkerResponse } from "./sweep-workers";

const { buffer, rows, cols, options } = workerData as { buffer: SharedArrayBuffer; rows: number; cols: number; options: ResolvedSweepOptions };
const matrix = { data: new Float64Array(buffer), rows, cols };
const references = new Map<number, Int32Array>();
const port = parentPort!;

port.on("message", (request: SweepWorkerRequest) => {
  let response: SweepWorkerResponse;
  try {
    if (request.type === "reference") {
      references.set(request.k, request.assignments);
      return;
    }
    if (request.type === "fit") {
      response = { type: "fit", result: runFitTask(matrix, request.k, options) };
    } else if (request.type === "solution") {
      response = { type: "solution", result: fitSweepSolution(matrix, request.k, options) };
    } else {
      const reference = references.get(request.k);
      if (!reference) throw new Error(`No reference solution for k = ${request.k}`);
      response = { type: "bootstrap", result: runBootstrapTask(matrix, request.k, request.bootstrap, reference, options) };
    }
  } catch (error) {
    response = { type: "error", message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
});
