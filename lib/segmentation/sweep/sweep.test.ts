import { describe, expect, it } from "vitest";
import { createRandom, matrixFromRows, recommendK, runSweep, type Recommendation } from "@/lib/analysis";
import { translate } from "@/lib/i18n/translate";
import type { PreparedMatrix } from "../dataset/preprocess";
import { recommendationText } from "./recommendation-text";
import { summarizeSweep } from "./sweep-results";

/** Three well separated groups (40, 30, 20 rows) in 3 dimensions. */
function threeGroups(seed = 5) {
  const random = createRandom(seed);
  const rows: number[][] = [];
  [[0, 0, 0, 40], [6, 6, 0, 30], [0, 6, 6, 20]].forEach(([a, b, c, n]) => {
    for (let i = 0; i < n!; i++) rows.push([a! + random() - 0.5, b! + random() - 0.5, c! + random() - 0.5]);
  });
  return matrixFromRows(rows);
}

const preparedOf = (rows: number): PreparedMatrix =>
  ({
    columns: ["a", "b", "c"].map((id) => ({ id, label: id.toUpperCase(), variableId: id })),
    counts: { loaded: rows, dropped: 0, imputedValues: 0, imputedRows: 0 },
  }) as unknown as PreparedMatrix;

describe("summarizeSweep", () => {
  it("stores per k the within-SS, silhouette, every ARI, and per segment size, share, Jaccard and profile-scale means", () => {
    const matrix = threeGroups();
    const sweep = runSweep(matrix, { kMin: 2, kMax: 4, restarts: 3, bootstraps: 6, seed: 11 });
    // Profiles on another scale than the clustered one (here ×10), as for standardised runs.
    const profileMatrix = { ...matrix, data: matrix.data.map((value) => value * 10) };
    const results = summarizeSweep({ sweep, profileMatrix, prepared: preparedOf(90), threads: 1, now: new Date("2026-01-01T00:00:00Z") });
    expect(results).toMatchObject({ version: 2, respondentCount: 90, threads: 1, finishedAt: "2026-01-01T00:00:00.000Z", settings: { kMin: 2, kMax: 4, seed: 11, restarts: 3 } });
    expect(results.ks.map((entry) => entry.k)).toEqual([2, 3, 4]);
    const three = results.ks[1]!;
    expect(three.segments.map((segment) => segment.size)).toEqual([40, 30, 20]);
    expect(three.segments.map((segment) => segment.share)).toEqual([40 / 90, 30 / 90, 20 / 90]);
    expect(three.ari).toHaveLength(6);
    expect(three.ari).toEqual(sweep.perK[1]!.stability!.ari.map((value) => expect.closeTo(value, 6)));
    expect(three.ariSpread!.median).toBeCloseTo(sweep.perK[1]!.stability!.ariSummary.median, 6);
    expect(three.segments.every((segment) => segment.jaccardMedian! > 0.95 && segment.jaccardMean! > 0.95)).toBe(true);
    expect(three.withinSS).toBeCloseTo(sweep.perK[1]!.totalWithinSS, 5);
    expect(three.silhouette!).toBeGreaterThan(0.7);
    // The second group sits at (6, 6, 0): ×10 on the profile scale.
    expect(three.segments[1]!.means).toEqual([expect.closeTo(60, -1), expect.closeTo(60, -1), expect.closeTo(0, -1)]);
    expect(results.recommendation).toEqual(recommendK(sweep.perK));
    expect(results.recommendation!.k).toBe(3);
  });
});

const rec = (reasons: Recommendation["reasons"], k = 4): Recommendation => ({ k, medianAri: 0.86, silhouette: 0.31, totalWithinSS: 100, candidates: [k], elbowK: k, reasons });

describe("recommendationText", () => {
  it("words lib/analysis's reasons in English, Finnish and Swedish", () => {
    const good = rec([
      { code: "most-stable", medianAri: 0.86, level: "good" },
      { code: "elbow" },
      { code: "silhouette", silhouette: 0.31, bestSilhouetteK: 2, bestSilhouette: 0.35 },
    ]);
    const chosen = { segments: [{ share: 0.5 }, { share: 0.3 }, { share: 0.2 }] } as never;
    expect(recommendationText(good, translate("en"), "en", chosen)).toBe(
      "k = 4: the most stable solution, good stability (median ARI 0.86); at the elbow of the within-cluster sum of squares; silhouette 0.31 (highest: 0.35 at k = 2). Its smallest segment holds 20% of respondents.",
    );
    expect(recommendationText(good, translate("fi"), "fi")).toBe(
      "k = 4: vakain ratkaisu, hyvä vakaus (ARI-mediaani 0,86); ryhmien sisäisen neliösumman taitekohdassa; siluetti 0,31 (korkein: 0,35, kun k = 2).",
    );
    expect(recommendationText(good, translate("sv"), "sv")).toBe(
      "k = 4: den stabilaste lösningen, god stabilitet (median-ARI 0,86); vid armbågen i kvadratsumman inom klustren; silhuett 0,31 (högst: 0,35 vid k = 2).",
    );
  });

  it("has words for every reason code in every language", () => {
    const all = rec([
      { code: "near-most-stable", medianAri: 0.7, level: "moderate", mostStableK: 2, mostStableMedianAri: 0.72 },
      { code: "no-stable-solution", bestMedianAri: 0.6 },
      { code: "stability-not-measured" },
      { code: "elbow-elsewhere", elbowK: 3 },
      { code: "best-silhouette", silhouette: 0.4 },
      { code: "unstable-segments", segments: [{ segment: 2, meanJaccard: 0.52 }, { segment: 3, meanJaccard: 0.41 }] },
    ]);
    const en = recommendationText(all, translate("en"), "en");
    expect(en).toBe(
      "k = 4: moderate stability (median ARI 0.70), close to the most stable k = 2 (0.72); but no k is clearly stable (best median ARI 0.60): the data may have no natural segments, so treat this as one useful way to divide the market; stability was not measured (no bootstraps); the within-cluster sum of squares bends at k = 3, which is less stable; the highest silhouette (0.40); segments that often change between resamples (mean Jaccard below 0.6): 3 (0.52) and 4 (0.41).",
    );
    for (const locale of ["fi", "sv"] as const) {
      const text = recommendationText(all, translate(locale), locale);
      expect(text).not.toContain("sweep.");
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).not.toContain("stability");
      expect(text).toContain("3 (0,52)");
    }
    for (const level of ["excellent", "poor"] as const) {
      expect(recommendationText(rec([{ code: "most-stable", medianAri: 0.95, level }]), translate("sv"), "sv")).toMatch(/^k = 4: den stabilaste lösningen, (utmärkt|svag) stabilitet/);
    }
  });
});
