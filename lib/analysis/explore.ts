/**
 * Exploring basis variables before clustering: Pearson correlations (heat map) and a principal
 * component analysis (scree of explained variance, 2-D map of respondents with variable arrows).
 * PCA centres the analysis matrix but does not rescale it, so the map shows the same distances
 * k-means works with (standardise in `preprocess` if the variables' scales differ).
 */
import { Matrix as MlMatrix } from "ml-matrix";
import { PCA } from "ml-pca";
import { columnMeans, type Matrix } from "./matrix";

/** Pearson correlation of every pair of columns (cols × cols, row-major); NaN for a constant column. */
export function correlationMatrix(matrix: Matrix): Float64Array {
  const { data, rows: n, cols: d } = matrix;
  const means = columnMeans(matrix);
  const cov = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) centred[j] = data[i * d + j] - means[j];
    for (let a = 0; a < d; a++) {
      const ca = centred[a];
      if (ca === 0) continue;
      for (let b = a; b < d; b++) cov[a * d + b] += ca * centred[b];
    }
  }
  const out = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const denominator = Math.sqrt(cov[a * d + a] * cov[b * d + b]);
      // Rounding can push |r| a hair past 1; clamp so the heat map scale holds.
      const r = denominator > 0 ? Math.max(-1, Math.min(1, cov[a * d + b] / denominator)) : NaN;
      out[a * d + b] = r;
      out[b * d + a] = r;
    }
  }
  return out;
}

export interface PcaResult {
  /** Variance of each component (eigenvalues of the covariance matrix, divisor n − 1), descending. */
  eigenvalues: number[];
  /** Share of the total variance per component (the scree), summing to 1. */
  explainedVarianceRatio: number[];
  cumulativeVarianceRatio: number[];
  /** Unit eigenvectors of the first `components` components, each of length cols (scikit-learn's components_). */
  components: number[][];
  /** components × √eigenvalue: the variable arrows of a biplot, in the units of the data. */
  loadings: number[][];
  /** Respondent coordinates on the first `components` components, rows × components, row-major. */
  scores: Float64Array;
  componentsKept: number;
}

/**
 * PCA of the analysis matrix via ml-pca (eigen-decomposition of the covariance matrix, which stays
 * small whatever the number of respondents). Each component's sign is fixed so its largest
 * coefficient is positive, so the map does not flip between runs or libraries.
 */
export function principalComponents(matrix: Matrix, options: { components?: number } = {}): PcaResult {
  const { data, rows: n, cols: d } = matrix;
  if (n < 2) throw new Error("PCA needs at least two respondents");
  const keep = Math.min(options.components ?? 2, d);
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`components must be a positive integer, got ${options.components}`);
  const pca = new PCA(MlMatrix.from1DArray(n, d, data), { method: "covarianceMatrix", center: true, scale: false });
  const eigenvalues = pca.getEigenvalues().map((v) => Math.max(0, v));
  const total = eigenvalues.reduce((a, b) => a + b, 0);
  const explainedVarianceRatio = eigenvalues.map((v) => (total > 0 ? v / total : 0));
  let running = 0;
  const cumulativeVarianceRatio = explainedVarianceRatio.map((v) => (running += v));
  const vectors = pca.getEigenvectors(); // d × d, one component per column
  const components: number[][] = [];
  for (let c = 0; c < keep; c++) {
    const column = vectors.getColumn(c);
    let largest = 0;
    for (let j = 1; j < d; j++) if (Math.abs(column[j]) > Math.abs(column[largest])) largest = j;
    components.push(column[largest] < 0 ? column.map((v) => -v) : column);
  }
  const means = columnMeans(matrix);
  const scores = new Float64Array(n * keep);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < keep; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (data[i * d + j] - means[j]) * components[c][j];
      scores[i * keep + c] = s;
    }
  }
  return {
    eigenvalues,
    explainedVarianceRatio,
    cumulativeVarianceRatio,
    components,
    loadings: components.map((vector, c) => vector.map((v) => v * Math.sqrt(eigenvalues[c]))),
    scores,
    componentsKept: keep,
  };
}
