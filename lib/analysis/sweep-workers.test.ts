import { describe, expect, it } from "vitest";
import { gaussianBlobs } from "./fixtures/synthetic";
import { resolveSweepOptions, runSweep, type SweepProgress } from "./sweep";
import { fitSweepSolution } from "./sweep-tasks";
import { fitSweepSolutionOffThread, runSweepInWorkers } from "./sweep-workers";

const data = gaussianBlobs(5, [[0, 0, 0], [4, 0, 1], [0, 4, 2]], 50, 1.2);
const options = { kMin: 2, kMax: 5, restarts: 3, bootstraps: 8, seed: 21 };

describe("runSweepInWorkers", () => {
  const single = runSweep(data, options);

  it.each([1, 2])("gives exactly the single-thread results on %i worker thread(s)", async (threads) => {
    const progress: SweepProgress[] = [];
    const result = await runSweepInWorkers(data, options, { threads, onProgress: (p) => progress.push(p) });
    expect(result).toEqual(single);
    expect(progress.map((p) => p.completed)).toEqual(Array.from({ length: 4 * 9 }, (_, i) => i + 1));
    expect(progress.filter((p) => p.phase === "fit").map((p) => p.k).sort()).toEqual([2, 3, 4, 5]);
    expect(progress.filter((p) => p.phase === "stability")).toHaveLength(4 * 8);
  });

  it("stops and rejects with the abort reason when cancelled", async () => {
    const controller = new AbortController();
    let last = 0;
    const run = runSweepInWorkers(data, { ...options, bootstraps: 200 }, {
      signal: controller.signal,
      onProgress: (p) => {
        last = p.completed;
        if (p.completed === 6) controller.abort(new Error("cancelled by the researcher"));
      },
    });
    await expect(run).rejects.toThrow("cancelled by the researcher");
    expect(last).toBeLessThan(10);
  });

  it("rejects an already aborted signal and bad thread counts before starting", async () => {
    await expect(runSweepInWorkers(data, options, { signal: AbortSignal.abort(new Error("too late")) })).rejects.toThrow("too late");
    await expect(runSweepInWorkers(data, options, { threads: 0 })).rejects.toThrow(/threads must be a positive integer/);
  });

  it("fits a run's solution on a worker thread exactly as in place", async () => {
    const resolved = resolveSweepOptions(data, options);
    const inPlace = fitSweepSolution(data, 3, resolved);
    // minCells 0 forces the worker even for this small matrix.
    expect(await fitSweepSolutionOffThread(data, 3, resolved, 0)).toEqual(inPlace);
    expect(await fitSweepSolutionOffThread(data, 3, resolved)).toEqual(inPlace);
  });
});
