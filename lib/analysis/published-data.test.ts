// Checks on published segmentation data: the McDonald's perceptions of Dolnicar, Grün & Leisch
// (2018) and the vacation motives (vacmot) of flexclust.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { assignToCentroids } from "./compare";
import { MCDONALDS_BINARY_PATH, readNumericCsv, SHARED_VACMOT_PATH } from "./fixtures/load-fixtures";
import { fitKMeansWithRestarts } from "./kmeans-restarts";
import { matrixToRows } from "./matrix";
import { applyPreprocessing, preprocess, type AnalysisColumnInput } from "./preprocess";
import { recommendK } from "./recommend";
import { runSweep } from "./sweep";

const mcdonaldsReference = JSON.parse(
  readFileSync(fileURLToPath(new URL("./fixtures/mcdonalds-reference.json", import.meta.url)), "utf8"),
) as { restartsPerK: number; bestWithinSS: Record<string, number> };

describe("McDonald's perceptions (11 Yes/No attributes, 1,453 respondents)", () => {
  const data = readNumericCsv(MCDONALDS_BINARY_PATH);

  // The data has no natural clusters, so k-means has many local optima: with 10 restarts the best
  // run lands up to ~4 % above the best known for k ≥ 4 (scikit-learn's n_init=10 up to ~5 %);
  // with 100 it lands within 1 %. The README says to raise restarts for such data.
  it.each([2, 3, 4, 5, 6, 7, 8])("k = %i: best of 100 restarts within 1 percent of the best known within-SS", (k) => {
    const best = mcdonaldsReference.bestWithinSS[String(k)];
    const fit = fitKMeansWithRestarts(data, { k, restarts: 100, seed: 1 });
    expect(fit.totalWithinSS).toBeGreaterThanOrEqual(best * (1 - 1e-9));
    expect(fit.totalWithinSS).toBeLessThanOrEqual(best * 1.01);
  });

  it("is globally stable for k = 2 and 3 and clearly less so for k = 6 to 8, as the book reports", () => {
    const sweep = runSweep(data, { restarts: 10, bootstraps: 12, seed: 1 });
    const median = (k: number) => sweep.perK.find((p) => p.k === k)!.stability!.ariSummary.median;
    expect(median(2)).toBeGreaterThan(0.85);
    expect(median(3)).toBeGreaterThan(0.8);
    for (const k of [6, 7, 8]) expect(median(k)).toBeLessThan(Math.min(median(2), median(3)) - 0.1);
    expect(median(8)).toBeLessThan(0.75);
    expect(recommendK(sweep.perK).k).toBeLessThanOrEqual(4);
  });
});

describe("vacation motives (vacmot, 20 motives, 1,000 respondents)", () => {
  const data = readNumericCsv(SHARED_VACMOT_PATH);

  it("has a stable solution, and the recommendation picks a stable k", () => {
    const sweep = runSweep(data, { kMax: 6, restarts: 10, bootstraps: 12, bootstrapRestarts: 3, seed: 2 });
    const recommendation = recommendK(sweep.perK);
    expect(recommendation.medianAri).toBeGreaterThan(0.75);
    expect(recommendation.reasons[0].code).toBe("most-stable");
  });

  it("assigning the data to a saved solution's centroids reproduces its partition", () => {
    const rows = matrixToRows(data);
    const columns: AnalysisColumnInput[] = rows[0].map((_, j) => ({ id: `motive${j + 1}`, kind: "numeric", values: rows.map((r) => r[j]) }));
    const prepared = preprocess(columns, { scaling: "standardise" });
    const solution = fitKMeansWithRestarts(prepared.matrix, { k: 6, restarts: 10, seed: 5 });
    // What a saved solution keeps: plain JSON of the preprocessing and the centroids.
    const saved = JSON.parse(JSON.stringify({ spec: prepared.spec, centroids: matrixToRows(solution.centroids) }));
    const again = applyPreprocessing(saved.spec, [...columns].reverse());
    const centroids = { data: Float64Array.from(saved.centroids.flat()), rows: 6, cols: prepared.matrix.cols };
    const assigned = assignToCentroids(again.matrix, centroids);
    expect(assigned.assignments).toEqual(solution.assignments);
    expect(Array.from(assigned.sizes)).toEqual(Array.from(solution.sizes));
  });
});
