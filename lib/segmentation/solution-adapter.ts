// ADAPTER: replaced by lib/analysis at merge
/**
 * The statistics the solution page needs before lib/analysis has them (H4 adds chi-square,
 * ANOVA, Kruskal–Wallis, PCA and solution comparison there). Numbers in, numbers out, no I/O;
 * at merge each function is re-pointed at its lib/analysis counterpart and this file goes away.
 */

export type ChiSquareResult = { statistic: number; df: number; pValue: number; cramersV: number; n: number };
export type AnovaResult = { statistic: number; df1: number; df2: number; pValue: number; etaSquared: number; n: number };
export type KruskalResult = { statistic: number; df: number; pValue: number; epsilonSquared: number; n: number };
export type Pca2Result = {
  /** n × 2 scores on the first two principal components. */
  scores: [number, number][];
  /** variables × 2: eigenvector entries (directions of the variables in the map). */
  loadings: [number, number][];
  /** Share of the total variance per component, 0..1. */
  explained: [number, number];
};

// ---------- special functions (Numerical Recipes, 3rd ed., §6.1–6.4) ----------

const LANCZOS = [57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199, 0.339946499848118887e-4,
  0.465236289270485756e-4, -0.983744753048795646e-4, 0.158088703224912494e-3, -0.210264441724104883e-3, 0.217439618115212643e-3,
  -0.164318106536763890e-3, 0.844182239838527433e-4, -0.261908384015814087e-4, 0.368991826595316234e-5];

function logGamma(x: number): number {
  let y = x;
  const tmp = x + 5.24218750000000000;
  let ser = 0.999999999999997092;
  for (const c of LANCZOS) ser += c / ++y;
  return (x + 0.5) * Math.log(tmp) - tmp + Math.log((2.5066282746310005 * ser) / x);
}

/** Upper regularised incomplete gamma Q(a, x). */
function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const gln = logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let del = sum;
    for (let ap = a; Math.abs(del) > Math.abs(sum) * 1e-15; ) sum += del *= x / ++ap;
    return 1 - sum * Math.exp(-x + a * Math.log(x) - gln);
  }
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(-x + a * Math.log(x) - gln) * h;
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
function betaI(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

export function chiSquareSurvival(statistic: number, df: number): number {
  return df > 0 ? gammaQ(df / 2, statistic / 2) : Number.NaN;
}

export function fSurvival(statistic: number, df1: number, df2: number): number {
  if (df1 <= 0 || df2 <= 0) return Number.NaN;
  if (statistic <= 0) return 1;
  return betaI(df2 / 2, df1 / 2, df2 / (df2 + df1 * statistic));
}

// ---------- tests ----------

/** Pearson's chi-square test of independence (no continuity correction); empty rows and columns are dropped. */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareResult {
  const rows = table.filter((row) => row.some((v) => v > 0));
  const width = rows[0]?.length ?? 0;
  const keep = Array.from({ length: width }, (_, j) => rows.some((row) => row[j]! > 0));
  const cells = rows.map((row) => row.filter((_, j) => keep[j]));
  const r = cells.length;
  const c = cells[0]?.length ?? 0;
  const n = cells.reduce((sum, row) => sum + row.reduce((s, v) => s + v, 0), 0);
  if (r < 2 || c < 2 || n === 0) return { statistic: Number.NaN, df: 0, pValue: Number.NaN, cramersV: Number.NaN, n };
  const rowSums = cells.map((row) => row.reduce((s, v) => s + v, 0));
  const colSums = Array.from({ length: c }, (_, j) => cells.reduce((s, row) => s + row[j]!, 0));
  let statistic = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const expected = (rowSums[i]! * colSums[j]!) / n;
      statistic += (cells[i]![j]! - expected) ** 2 / expected;
    }
  }
  const df = (r - 1) * (c - 1);
  return { statistic, df, pValue: chiSquareSurvival(statistic, df), cramersV: Math.sqrt(statistic / (n * (Math.min(r, c) - 1))), n };
}

/** One-way ANOVA over groups (empty groups ignored), with eta² = between SS / total SS. */
export function oneWayAnova(groups: readonly (readonly number[])[]): AnovaResult {
  const used = groups.filter((g) => g.length > 0);
  const n = used.reduce((s, g) => s + g.length, 0);
  const k = used.length;
  const grand = used.reduce((s, g) => s + g.reduce((a, v) => a + v, 0), 0) / n;
  let between = 0;
  let within = 0;
  for (const group of used) {
    const mean = group.reduce((a, v) => a + v, 0) / group.length;
    between += group.length * (mean - grand) ** 2;
    for (const v of group) within += (v - mean) ** 2;
  }
  const df1 = k - 1;
  const df2 = n - k;
  if (df1 < 1 || df2 < 1) return { statistic: Number.NaN, df1, df2, pValue: Number.NaN, etaSquared: Number.NaN, n };
  const total = between + within;
  const statistic = within === 0 ? (between === 0 ? 0 : Number.POSITIVE_INFINITY) : between / df1 / (within / df2);
  const pValue = Number.isFinite(statistic) ? fSurvival(statistic, df1, df2) : 0;
  return { statistic, df1, df2, pValue, etaSquared: total > 0 ? between / total : 0, n };
}

/** Kruskal–Wallis H with average ranks for ties and the tie correction; epsilon² = H / (n − 1). */
export function kruskalWallis(groups: readonly (readonly number[])[]): KruskalResult {
  const used = groups.filter((g) => g.length > 0);
  const values = used.flatMap((g, gi) => g.map((v) => ({ v, gi })));
  const n = values.length;
  const df = used.length - 1;
  if (df < 1 || n < 2) return { statistic: Number.NaN, df, pValue: Number.NaN, epsilonSquared: Number.NaN, n };
  values.sort((a, b) => a.v - b.v);
  const rankSums = new Array<number>(used.length).fill(0);
  let ties = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[j + 1]!.v === values[i]!.v) j++;
    const rank = (i + j) / 2 + 1;
    for (let m = i; m <= j; m++) rankSums[values[m]!.gi] += rank;
    const t = j - i + 1;
    ties += t ** 3 - t;
    i = j + 1;
  }
  let h = (12 / (n * (n + 1))) * used.reduce((s, g, gi) => s + rankSums[gi]! ** 2 / g.length, 0) - 3 * (n + 1);
  const correction = 1 - ties / (n ** 3 - n);
  if (correction <= 0) return { statistic: Number.NaN, df, pValue: Number.NaN, epsilonSquared: Number.NaN, n };
  h /= correction;
  return { statistic: h, df, pValue: chiSquareSurvival(h, df), epsilonSquared: h / (n - 1), n };
}

// ---------- solution comparison ----------

/** Counts of (a, b) label pairs: rows are a's labels 0..ka−1, columns b's. */
export function crossTabulate(a: ArrayLike<number>, b: ArrayLike<number>, ka: number, kb: number): number[][] {
  if (a.length !== b.length) throw new Error("Both partitions need the same respondents");
  const table = Array.from({ length: ka }, () => new Array<number>(kb).fill(0));
  for (let i = 0; i < a.length; i++) table[a[i]!]![b[i]!]! += 1;
  return table;
}

// ---------- PCA ----------

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations; eigenvalues descending. */
function symmetricEigen(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const p = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j): number => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += a[i]![j]! ** 2;
    if (off < 1e-24) break;
    for (let i = 0; i < p; i++) {
      for (let j = i + 1; j < p; j++) {
        if (Math.abs(a[i]![j]!) < 1e-300) continue;
        const theta = (a[j]![j]! - a[i]![i]!) / (2 * a[i]![j]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < p; k++) {
          const aki = a[k]![i]!;
          const akj = a[k]![j]!;
          a[k]![i] = c * aki - s * akj;
          a[k]![j] = s * aki + c * akj;
        }
        for (let k = 0; k < p; k++) {
          const aik = a[i]![k]!;
          const ajk = a[j]![k]!;
          a[i]![k] = c * aik - s * ajk;
          a[j]![k] = s * aik + c * ajk;
        }
        for (let k = 0; k < p; k++) {
          const vki = v[k]![i]!;
          const vkj = v[k]![j]!;
          v[k]![i] = c * vki - s * vkj;
          v[k]![j] = s * vki + c * vkj;
        }
      }
    }
  }
  const order = a.map((row, i) => ({ value: row[i]!, i })).sort((x, y) => y.value - x.value);
  return { values: order.map((o) => o.value), vectors: order.map((o) => v.map((row) => row[o.i]!)) };
}

/**
 * PCA of the covariance matrix (centred, unscaled: basis variables share one scale or are already
 * standardised) down to two components. Each component's sign is fixed so its largest loading is
 * positive, which keeps the map's orientation stable between runs.
 */
export function pca2(rows: readonly (readonly number[])[]): Pca2Result {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  if (n < 2 || p < 1) return { scores: rows.map(() => [0, 0]), loadings: Array.from({ length: p }, () => [0, 0]), explained: [0, 0] };
  const means = Array.from({ length: p }, (_, j) => rows.reduce((s, row) => s + row[j]!, 0) / n);
  const cov = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const row of rows) {
    for (let i = 0; i < p; i++) {
      const di = row[i]! - means[i]!;
      for (let j = i; j < p; j++) cov[i]![j]! += di * (row[j]! - means[j]!);
    }
  }
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) cov[j]![i] = cov[i]![j]! /= n - 1;
  const { values, vectors } = symmetricEigen(cov);
  const total = values.reduce((s, v) => s + Math.max(v, 0), 0);
  const components = [0, 1].map((c) => {
    const vector = vectors[c] ?? new Array<number>(p).fill(0);
    const largest = vector.reduce((best, v) => (Math.abs(v) > Math.abs(best) ? v : best), 0);
    return largest < 0 ? vector.map((v) => -v) : vector;
  });
  const scores = rows.map((row) => {
    const centred = row.map((v, j) => v - means[j]!);
    return components.map((vector) => centred.reduce((s, v, j) => s + v * vector[j]!, 0)) as [number, number];
  });
  const loadings = Array.from({ length: p }, (_, j) => [components[0]![j]!, components[1]![j]!] as [number, number]);
  const explained: [number, number] = total > 0 ? [Math.max(values[0] ?? 0, 0) / total, Math.max(values[1] ?? 0, 0) / total] : [0, 0];
  return { scores, loadings, explained };
}
