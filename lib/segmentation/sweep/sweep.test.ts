import { describe, expect, it } from "vitest";
import { createMatrix, createRandom, matrixFromRows } from "@/lib/analysis";
import { translate } from "@/lib/i18n/translate";
import { startWorker } from "@/lib/workers/start-worker";
import {
  correlationMatrix,
  pcaExplainedVariance,
  recommendK,
  runSweepInWorkers,
  segmentJaccard,
  standardizeColumns,
  sweepOneK,
  type StartSweepWorker,
  type SweepKResult,
} from "../analysis-adapter";
import { recommendationText } from "./recommendation-text";
import { spreadOf } from "./sweep-results";

/** Three well separated groups of 40 in 3 dimensions. */
function threeGroups(seed = 5) {
  const random = createRandom(seed);
  const rows: number[][] = [];
  for (const center of [[0, 0, 0], [6, 6, 0], [0, 6, 6]]) for (let i = 0; i < 40; i++) rows.push(center.map((c) => c + random() - 0.5));
  return matrixFromRows(rows);
}

function uniform(n: number, d: number, seed = 9) {
  const random = createRandom(seed);
  return createMatrix(Float64Array.from({ length: n * d }, () => random()), n, d);
}

const settings = { kMin: 2, kMax: 4, restarts: 3, bootstraps: 8, seed: 11 };

describe("numerics of the adapter", () => {
  it("standardises with the sample SD and correlates columns", () => {
    const matrix = matrixFromRows([[1, 2, 5], [2, 4, 5], [3, 6, 5], [4, 8.5, 5]]);
    const z = standardizeColumns(matrix);
    expect(z.sds[0]).toBeCloseTo(Math.sqrt(5 / 3));
    const r = correlationMatrix(matrix);
    expect(r[0]![0]).toBeCloseTo(1);
    expect(r[0]![1]).toBeGreaterThan(0.99);
    expect(r[0]![2]).toBeNaN();
  });

  it("puts all variance of two proportional columns on the first component", () => {
    const explained = pcaExplainedVariance(matrixFromRows([[1, 2], [2, 4], [3, 6], [5, 10]]));
    expect(explained[0]).toBeCloseTo(1);
    expect(explained[1]).toBeCloseTo(0);
    // Independent equal-variance columns share the variance evenly.
    const even = pcaExplainedVariance(matrixFromRows([[1, 0], [-1, 0], [0, 1], [0, -1]]));
    expect(even[0]).toBeCloseTo(0.5);
  });

  it("matches each segment to its best bootstrap segment by Jaccard", () => {
    // Segment 0 = {0,1,2}, segment 1 = {3,4}; the other labeling moves row 2 over.
    expect(segmentJaccard([0, 0, 0, 1, 1], 2, [1, 1, 0, 0, 0], 2)).toEqual([2 / 3, 2 / 3]);
    expect(segmentJaccard([0, 0, 1, 1], 2, [1, 1, 0, 0], 2)).toEqual([1, 1]);
  });
});

describe("sweepOneK", () => {
  it("finds three separated groups stable at k = 3, with every segment's Jaccard near 1", () => {
    const result = sweepOneK(threeGroups(), 3, settings);
    expect(result.sizes).toEqual([40, 40, 40]);
    expect(result.ari).toHaveLength(8);
    expect(Math.min(...result.ari)).toBeGreaterThan(0.95);
    expect(result.jaccard.map((values) => values.length)).toEqual([16, 16, 16]);
    expect(Math.min(...result.jaccard.flat())).toBeGreaterThan(0.95);
    expect(result.silhouette).toBeGreaterThan(0.7);
  });

  it("is less stable on data without structure, and reproducible from the seed", () => {
    const noise = uniform(150, 4);
    const a = sweepOneK(noise, 6, settings);
    expect(spreadOf(a.ari)!.median).toBeLessThan(0.9);
    expect(sweepOneK(noise, 6, settings)).toEqual(a);
  });
});

const sweepK = (k: number, ari: number[], silhouette: number, sizes = [50, 50]): Pick<SweepKResult, "k" | "ari" | "silhouette" | "sizes"> => ({ k, ari, silhouette, sizes });

describe("recommendK and its wording", () => {
  it("picks the best silhouette among the stable ks", () => {
    const recommendation = recommendK([sweepK(2, [0.9, 0.95, 0.92], 0.3), sweepK(3, [0.8, 0.76, 0.9], 0.41, [50, 30, 20]), sweepK(4, [0.5, 0.6, 0.55], 0.45)])!;
    expect(recommendation).toMatchObject({ k: 3, reason: "best_silhouette_among_stable", stability: "stable", stableKs: [2, 3], smallestShare: 0.2 });
    expect(recommendation.medianAri).toBeCloseTo(0.8);
    expect(recommendationText(recommendation, translate("en"), "en")).toBe(
      "k = 3: stable (median ARI 0.80) and the best separated of the stable solutions (silhouette 0.41); stable ks: 2 and 3. Its smallest segment holds 20% of respondents.",
    );
    expect(recommendationText(recommendation, translate("fi"), "fi")).toContain("k = 3: vakaa (ARI-mediaani 0,80)");
    expect(recommendationText(recommendation, translate("sv"), "sv")).toContain("stabila k: 2 och 3");
  });

  it("falls back to the most stable k and says that none is clearly stable", () => {
    const recommendation = recommendK([sweepK(2, [0.7, 0.65, 0.68], 0.2), sweepK(3, [0.4, 0.5, 0.3], 0.25)])!;
    expect(recommendation).toMatchObject({ k: 2, reason: "most_stable", stability: "pattern", stableKs: [] });
    expect(recommendationText(recommendation, translate("en"), "en")).toMatch(/^k = 2: no k is clearly stable; this one is the most reproducible \(median ARI 0\.68, a pattern, not clear-cut\)/);
    expect(recommendK([])).toBeUndefined();
  });
});

describe("runSweepInWorkers", () => {
  const start: StartSweepWorker = (data, transfer) => startWorker("lib/segmentation/sweep/sweep.worker.ts", data, transfer);

  it("gives the same results on two worker threads as in this thread, and reports every bootstrap", async () => {
    const matrix = threeGroups();
    const progress: string[] = [];
    const results = await runSweepInWorkers(matrix, settings, { threads: 2, start, onProgress: ({ k, bootstrapsDone }) => progress.push(`${k}:${bootstrapsDone}`) });
    expect(results.map((result) => result.k)).toEqual([2, 3, 4]);
    expect(results[1]).toEqual(sweepOneK(matrix, 3, settings));
    expect(progress).toHaveLength(3 * settings.bootstraps);
    expect(progress).toContain("4:8");
  }, 60_000);

  it("stops the workers and rejects when aborted", async () => {
    const controller = new AbortController();
    const running = runSweepInWorkers(uniform(400, 5), { ...settings, bootstraps: 200 }, {
      threads: 2,
      start,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error("cancelled by test")),
    });
    await expect(running).rejects.toThrow("cancelled by test");
  }, 60_000);
});
