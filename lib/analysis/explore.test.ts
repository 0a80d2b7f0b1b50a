import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { correlationMatrix, principalComponents } from "./explore";
import { MCDONALDS_BINARY_PATH, readNumericCsv } from "./fixtures/load-fixtures";
import { matrixFromRows } from "./matrix";

const reference = JSON.parse(readFileSync(fileURLToPath(new URL("./fixtures/pca-reference.json", import.meta.url)), "utf8")) as {
  correlation: number[][];
  explainedVarianceRatio: number[];
  explainedVariance: number[];
  components: number[][];
  scoresHead: number[][];
};
const mcdonalds = readNumericCsv(MCDONALDS_BINARY_PATH);

describe("correlationMatrix", () => {
  it("equals numpy.corrcoef on the McDonald's perceptions", () => {
    const r = correlationMatrix(mcdonalds);
    const d = mcdonalds.cols;
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) expect(r[a * d + b]).toBeCloseTo(reference.correlation[a][b], 12);
  });

  it("gives NaN for a constant column and exactly 1 on the diagonal otherwise", () => {
    const r = correlationMatrix(matrixFromRows([[1, 5, 2], [2, 5, 4], [3, 5, 7]]));
    expect(r[0]).toBe(1);
    expect(r[1]).toBeNaN();
    expect(r[4]).toBeNaN();
    expect(r[2]).toBeCloseTo(0.9933992677987828, 14);
  });
});

describe("principalComponents", () => {
  const pca = principalComponents(mcdonalds);

  it("matches scikit-learn's explained variance (the book's 29.9 % and 19.3 %)", () => {
    expect(pca.explainedVarianceRatio).toHaveLength(11);
    pca.explainedVarianceRatio.forEach((v, i) => expect(v).toBeCloseTo(reference.explainedVarianceRatio[i], 12));
    pca.eigenvalues.forEach((v, i) => expect(v).toBeCloseTo(reference.explainedVariance[i], 12));
    expect(pca.cumulativeVarianceRatio[10]).toBeCloseTo(1, 12);
  });

  it("matches scikit-learn's components and scores up to each component's sign", () => {
    expect(pca.componentsKept).toBe(2);
    for (let c = 0; c < 2; c++) {
      const sign = Math.sign(pca.components[c][0]) === Math.sign(reference.components[c][0]) ? 1 : -1;
      pca.components[c].forEach((v, j) => expect(sign * v).toBeCloseTo(reference.components[c][j], 10));
      reference.scoresHead.forEach((row, i) => expect(sign * pca.scores[i * 2 + c]).toBeCloseTo(row[c], 10));
      const loadingNorm = Math.hypot(...pca.loadings[c]);
      expect(loadingNorm).toBeCloseTo(Math.sqrt(pca.eigenvalues[c]), 12);
      // Sign rule: the largest coefficient is positive.
      const largest = pca.components[c].reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m), 0);
      expect(largest).toBeGreaterThan(0);
    }
  });

  it("rejects too little data", () => {
    expect(() => principalComponents(matrixFromRows([[1, 2]]))).toThrow(/at least two respondents/);
  });
});
