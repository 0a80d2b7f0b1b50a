/**
 * Tail probabilities for the descriptor tests: chi-square and F via the regularised incomplete
 * gamma and beta functions (series and Lentz continued fractions as in Numerical Recipes, 3rd ed.,
 * §6.2 and §6.4). Upper tails are computed directly, not as 1 − CDF, so p-values like 1e-30 keep
 * their digits. Checked against SciPy in distributions.test.ts.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const EPSILON = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error ≈ 1e-15). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new Error(`logGamma needs x > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

function checkGammaArgs(a: number, x: number): void {
  if (!(a > 0) || !(x >= 0)) throw new Error(`Incomplete gamma needs a > 0 and x ≥ 0, got a = ${a}, x = ${x}`);
}

/** Regularised lower incomplete gamma P(a, x). */
export function regularizedGammaP(a: number, x: number): number {
  checkGammaArgs(a, x);
  if (x === 0) return 0;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x). */
export function regularizedGammaQ(a: number, x: number): number {
  checkGammaArgs(a, x);
  if (x === 0) return 1;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

function gammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** Regularised incomplete beta I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || !(x >= 0 && x <= 1)) {
    throw new Error(`Incomplete beta needs a, b > 0 and 0 ≤ x ≤ 1, got x = ${x}, a = ${a}, b = ${b}`);
  }
  if (x === 0 || x === 1) return x;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The continued fraction converges fast only on this side of the mean; use the symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

function checkDf(name: string, df: number): void {
  if (!(df > 0) || !Number.isFinite(df)) throw new Error(`${name} must be a positive number, got ${df}`);
}

export function chiSquareCdf(x: number, df: number): number {
  checkDf("Degrees of freedom", df);
  return x <= 0 ? 0 : regularizedGammaP(df / 2, x / 2);
}

/** P(X ≥ x) for X ~ χ²(df): the p-value of a chi-square statistic. */
export function chiSquareSurvival(x: number, df: number): number {
  checkDf("Degrees of freedom", df);
  return x <= 0 ? 1 : regularizedGammaQ(df / 2, x / 2);
}

export function fCdf(f: number, d1: number, d2: number): number {
  checkDf("Numerator degrees of freedom", d1);
  checkDf("Denominator degrees of freedom", d2);
  return f <= 0 ? 0 : regularizedBeta((d1 * f) / (d1 * f + d2), d1 / 2, d2 / 2);
}

/** P(X ≥ f) for X ~ F(d1, d2): the p-value of an F statistic. */
export function fSurvival(f: number, d1: number, d2: number): number {
  checkDf("Numerator degrees of freedom", d1);
  checkDf("Denominator degrees of freedom", d2);
  return f <= 0 ? 1 : regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}
