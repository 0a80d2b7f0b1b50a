import { describe, expect, it } from "vitest";
import { chiSquareSurvival, chiSquareTest, crossTabulate, fSurvival, kruskalWallis, oneWayAnova, pca2 } from "./statistics";

// Reference values from SciPy 1.17 (scipy.stats) and NumPy, computed on this machine with Debian's python3.

describe("distribution tails", () => {
  it("match scipy.stats.chi2.sf and f.sf", () => {
    expect(chiSquareSurvival(3.84, 1)).toBeCloseTo(0.05004352124870519, 10);
    expect(fSurvival(2.5, 3, 20)).toBeCloseTo(0.08884375193768917, 10);
  });
});

describe("chiSquareTest", () => {
  it("matches the scipy.stats.chi2_contingency documentation example", () => {
    const result = chiSquareTest([
      [10, 10, 20],
      [20, 20, 20],
    ]);
    expect(result.statistic).toBeCloseTo(2.7777777777777777, 10);
    expect(result.df).toBe(2);
    expect(result.pValue).toBeCloseTo(0.24935220877729622, 10);
  });

  it("gives Cramér's V on a 3 × 3 table and drops empty categories", () => {
    const result = chiSquareTest([
      [12, 5, 3, 0],
      [4, 9, 11, 0],
      [2, 6, 14, 0],
    ]);
    expect(result.statistic).toBeCloseTo(18.11825396825397, 10);
    expect(result.df).toBe(4);
    expect(result.pValue).toBeCloseTo(0.0011701227699186956, 10);
    expect(result.cramersV).toBeCloseTo(0.37048549196898356, 10);
  });

  it("has no test for a single category", () => {
    expect(chiSquareTest([[5], [7]]).pValue).toBeNaN();
  });
});

// McDonald et al. (1991) mussel shell measurements, the classic one-way ANOVA example
// (Handbook of Biological Statistics; scipy.stats.f_oneway documentation): F = 7.12, p = 2.8e-4.
const mussels = [
  [0.0571, 0.0813, 0.0831, 0.0976, 0.0817, 0.0859, 0.0735, 0.0659, 0.0923, 0.0836],
  [0.0873, 0.0662, 0.0672, 0.0819, 0.0749, 0.0649, 0.0835, 0.0725],
  [0.0974, 0.1352, 0.0817, 0.1016, 0.0968, 0.1064, 0.105],
  [0.1033, 0.0915, 0.0781, 0.0685, 0.0677, 0.0697, 0.0764, 0.0689],
  [0.0703, 0.1026, 0.0956, 0.0973, 0.1039, 0.1045],
];

describe("oneWayAnova", () => {
  it("reproduces the published mussel example", () => {
    const result = oneWayAnova(mussels);
    expect(result.statistic).toBeCloseTo(7.121019471642449, 9);
    expect(result.df1).toBe(4);
    expect(result.df2).toBe(34);
    expect(result.pValue).toBeCloseTo(0.00028122423145345433, 10);
    expect(result.etaSquared).toBeCloseTo(0.45586137861037596, 10);
  });
});

describe("kruskalWallis", () => {
  it("matches scipy.stats.kruskal on the mussel data", () => {
    const result = kruskalWallis(mussels);
    expect(result.statistic).toBeCloseTo(16.404810589080256, 9);
    expect(result.pValue).toBeCloseTo(0.0025214014537637097, 10);
    expect(result.epsilonSquared).toBeCloseTo(16.404810589080256 / 38, 10);
  });

  it("corrects for ties like scipy (documentation example: H = 7, p = 0.0302)", () => {
    const result = kruskalWallis([
      [1, 1, 1],
      [2, 2, 2],
      [2, 2],
    ]);
    expect(result.statistic).toBeCloseTo(7, 10);
    expect(result.pValue).toBeCloseTo(0.0301973834223185, 10);
  });

  it("matches a small unequal-size example", () => {
    const result = kruskalWallis([
      [2.9, 3.0, 2.5, 2.6, 3.2],
      [3.8, 2.7, 4.0, 2.4],
      [2.8, 3.4, 3.7, 2.2, 2.0],
    ]);
    expect(result.statistic).toBeCloseTo(0.7714285714285722, 10);
    expect(result.pValue).toBeCloseTo(0.6799647735788936, 10);
  });
});

describe("crossTabulate", () => {
  it("counts label pairs", () => {
    expect(crossTabulate([0, 0, 1, 1, 1], [1, 1, 0, 0, 1], 2, 2)).toEqual([
      [0, 2],
      [2, 1],
    ]);
  });
});

describe("pca2", () => {
  // Lindsay Smith's PCA tutorial data; NumPy's eigh of the covariance matrix gives these numbers.
  const data = [
    [2.5, 2.4], [0.5, 0.7], [2.2, 2.9], [1.9, 2.2], [3.1, 3.0],
    [2.3, 2.7], [2, 1.6], [1, 1.1], [1.5, 1.6], [1.1, 0.9],
  ];

  it("finds the components, their variance shares and the scores", () => {
    const { explained, loadings, scores } = pca2(data);
    expect(explained[0]).toBeCloseTo(0.96318131, 7);
    expect(explained[1]).toBeCloseTo(0.03681869, 7);
    expect(loadings[0]![0]).toBeCloseTo(0.6778734, 6);
    expect(loadings[1]![0]).toBeCloseTo(0.73517866, 6);
    expect(Math.abs(loadings[0]![1]!)).toBeCloseTo(0.73517866, 6);
    expect(scores[0]![0]).toBeCloseTo(0.82797019, 6);
    expect(scores[1]![0]).toBeCloseTo(-1.77758033, 6);
    expect(Math.abs(scores[2]![1]!)).toBeCloseTo(0.38437499, 6);
  });
});
