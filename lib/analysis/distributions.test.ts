import { describe, expect, it } from "vitest";
import {
  chiSquareCdf,
  chiSquareSurvival,
  fCdf,
  fSurvival,
  logGamma,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from "./distributions";
import { readScipyReference } from "./fixtures/load-fixtures";

const reference = readScipyReference();

/** Relative agreement, with an absolute floor for values that are essentially 0. */
function expectClose(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(Math.abs(expected) * relative, 1e-300));
}

describe("distribution functions against SciPy", () => {
  it("logGamma matches known values", () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expectClose(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-13);
    expectClose(logGamma(10), Math.log(362880), 1e-13);
    expectClose(logGamma(100.5), 361.4355404677776, 1e-13);
  });

  it.each(reference.gammaP)("incomplete gamma P/Q(a = $a, x = $x)", ({ a, x, p, q }) => {
    expectClose(regularizedGammaP(a, x), p);
    expectClose(regularizedGammaQ(a, x), q);
  });

  it.each(reference.betaI)("incomplete beta I_$x($a, $b)", ({ x, a, b, i }) => {
    expectClose(regularizedBeta(x, a, b), i);
  });

  it.each(reference.chiSquareSurvival)("chi-square(df = $df) at $x", ({ x, df, sf, cdf }) => {
    expectClose(chiSquareSurvival(x, df), sf);
    expectClose(chiSquareCdf(x, df), cdf);
  });

  it.each(reference.fSurvival)("F($d1, $d2) at $f", ({ f, d1, d2, sf, cdf }) => {
    expectClose(fSurvival(f, d1, d2), sf);
    expectClose(fCdf(f, d1, d2), cdf);
  });

  it("keeps tiny upper tails instead of rounding them to 0", () => {
    const p = chiSquareSurvival(1500, 30);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-200);
  });

  it("rejects impossible arguments with a clear message", () => {
    expect(() => chiSquareSurvival(3, 0)).toThrow(/Degrees of freedom must be a positive number/);
    expect(() => regularizedBeta(1.5, 1, 1)).toThrow(/0 ≤ x ≤ 1/);
    expect(() => regularizedGammaP(-1, 1)).toThrow(/a > 0/);
  });
});
