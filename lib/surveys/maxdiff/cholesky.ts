/** Dense Cholesky factorisation for the small symmetric positive-definite systems of the logit fit. */

/** Lower-triangular L (row-major n×n) with A = L Lᵀ, or undefined when A is not positive definite. */
export function choleskyFactor(a: Float64Array, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let m = 0; m < j; m++) sum -= l[i * n + m] * l[j * n + m];
      if (i === j) {
        if (!(sum > 0)) return undefined;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j];
      }
    }
  }
  return l;
}

/** Solves L Lᵀ x = b. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let m = 0; m < i; m++) sum -= l[i * n + m] * y[m];
    y[i] = sum / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let m = i + 1; m < n; m++) sum -= l[m * n + i] * x[m];
    x[i] = sum / l[i * n + i];
  }
  return x;
}

/** Diagonal of A⁻¹ from its Cholesky factor (one solve per unit vector; n is at most a hundred). */
export function choleskyInverseDiagonal(l: Float64Array, n: number): Float64Array {
  const diagonal = new Float64Array(n);
  const unit = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    unit.fill(0);
    unit[i] = 1;
    diagonal[i] = choleskySolve(l, n, unit)[i];
  }
  return diagonal;
}
