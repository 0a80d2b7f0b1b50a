/**
 * Dense row-major matrix on one Float64Array: respondents are rows, basis
 * variables are columns. One flat buffer keeps the k-means inner loops free
 * of per-row objects and can be posted to a worker thread cheaply.
 */
export interface Matrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** Wraps an existing buffer after checking its shape and values. */
export function createMatrix(data: Float64Array, rows: number, cols: number): Matrix {
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(cols) || cols < 1) {
    throw new Error(`Matrix needs at least one row and one column, got ${rows} × ${cols}`);
  }
  if (data.length !== rows * cols) {
    throw new Error(`Matrix buffer has ${data.length} values, expected ${rows} × ${cols} = ${rows * cols}`);
  }
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new Error(
        `Matrix value at row ${Math.floor(i / cols)}, column ${i % cols} is not a finite number (${data[i]})`,
      );
    }
  }
  return { data, rows, cols };
}

/** Builds a matrix from an array of rows, rejecting ragged or non-finite input. */
export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  if (rows.length === 0) throw new Error("Matrix needs at least one row");
  const cols = rows[0].length;
  if (cols === 0) throw new Error("Matrix needs at least one column");
  const data = new Float64Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.length !== cols) {
      throw new Error(`Row ${i} has ${row.length} values, expected ${cols} like row 0`);
    }
    for (let j = 0; j < cols; j++) {
      const value = row[j];
      // typeof guards against strings/null sneaking in from parsed input.
      if (typeof value !== "number" || !Number.isFinite(value)) {
        const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
        throw new Error(`Value at row ${i}, column ${j} is not a finite number (${shown})`);
      }
      data[i * cols + j] = value;
    }
  }
  return { data, rows: rows.length, cols };
}

export function matrixToRows(matrix: Matrix): number[][] {
  const out: number[][] = new Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) {
    out[i] = Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols));
  }
  return out;
}

/** New matrix holding the given rows in the given order (samples, bootstraps). */
export function selectRows(matrix: Matrix, indices: ArrayLike<number>): Matrix {
  const { cols } = matrix;
  if (indices.length === 0) throw new Error("Cannot select zero rows");
  const data = new Float64Array(indices.length * cols);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    if (!Number.isInteger(i) || i < 0 || i >= matrix.rows) {
      throw new Error(`Row index ${i} is outside 0..${matrix.rows - 1}`);
    }
    data.set(matrix.data.subarray(i * cols, (i + 1) * cols), r * cols);
  }
  return { data, rows: indices.length, cols };
}

export function columnMeans(matrix: Matrix): Float64Array {
  const { data, rows, cols } = matrix;
  const means = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) means[j] += data[base + j];
  }
  for (let j = 0; j < cols; j++) means[j] /= rows;
  return means;
}

/** Population variances (divisor n, like numpy's default), per column. */
export function columnVariances(matrix: Matrix): Float64Array {
  const { data, rows, cols } = matrix;
  const means = columnMeans(matrix);
  const variances = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const d = data[base + j] - means[j];
      variances[j] += d * d;
    }
  }
  for (let j = 0; j < cols; j++) variances[j] /= rows;
  return variances;
}
