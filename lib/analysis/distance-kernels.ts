/**
 * Squared Euclidean distances for the k-means core. One running sum waits on each addition, so
 * the kernels below keep several independent sums going — one per (row, centre) pair — which is
 * what makes them fast in plain JavaScript. Every sum still adds the coordinates in index order,
 * exactly as `squaredDistance` does, so each value is bit-identical to computing it alone (and to
 * ml-kmeans' squaredEuclidean, whose ties the oracle tests compare).
 *
 * `centreDistances` serves the k-means core (seeding, Lloyd steps, silhouette, prediction) a block of
 * rows at a time: with WebAssembly 128-bit SIMD (wasm/distance-kernels.as.ts) where available, two
 * (row, centre) sums per instruction, otherwise with the JavaScript kernels below. Both add the same
 * terms in the same order with the same IEEE operations, so the distances — and hence every
 * partition — are bit-identical whichever runs (tests check both).
 */

import { wasmKernels, type WasmKernels } from "./wasm-kernels";

/** Summed in index order, like ml-kmeans' squaredEuclidean, so ties resolve identically. */
export function squaredDistance(a: Float64Array, ai: number, b: Float64Array, bi: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const t = a[ai + j] - b[bi + j];
    s += t * t;
  }
  return s;
}

/** Squared distances from one row (at `base` in `data`) to all k centres, into `out`. */
export function distancesToCentres(
  data: Float64Array,
  base: number,
  centers: Float64Array,
  k: number,
  d: number,
  out: Float64Array,
  at = 0,
): void {
  let c = 0;
  for (; c + 4 <= k; c += 4) distancesToFourBlocks(data, base, centers, c * d, d, out, at + c);
  for (; c < k; c++) out[at + c] = squaredDistance(data, base, centers, c * d, d);
}

/**
 * Squared distances from two rows (at `baseA` and `baseB`, anywhere in `data`) to all k centres,
 * into `outA` and `outB`: each centre coordinate is loaded once for both rows, and eight sums run
 * side by side — on 30 columns about 1.5× the speed of one row at a time.
 */
export function distancesOfTwoRows(
  data: Float64Array,
  baseA: number,
  baseB: number,
  centers: Float64Array,
  k: number,
  d: number,
  outA: Float64Array,
  outB: Float64Array,
  atA = 0,
  atB = 0,
): void {
  let c = 0;
  for (; c + 4 <= k; c += 4) {
    const b0 = c * d;
    const b1 = b0 + d;
    const b2 = b1 + d;
    const b3 = b2 + d;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    for (let j = 0; j < d; j++) {
      const x = data[baseA + j];
      const y = data[baseB + j];
      const q0 = centers[b0 + j];
      const q1 = centers[b1 + j];
      const q2 = centers[b2 + j];
      const q3 = centers[b3 + j];
      let t = x - q0;
      a0 += t * t;
      t = x - q1;
      a1 += t * t;
      t = x - q2;
      a2 += t * t;
      t = x - q3;
      a3 += t * t;
      t = y - q0;
      r0 += t * t;
      t = y - q1;
      r1 += t * t;
      t = y - q2;
      r2 += t * t;
      t = y - q3;
      r3 += t * t;
    }
    outA[atA + c] = a0;
    outA[atA + c + 1] = a1;
    outA[atA + c + 2] = a2;
    outA[atA + c + 3] = a3;
    outB[atB + c] = r0;
    outB[atB + c + 1] = r1;
    outB[atB + c + 2] = r2;
    outB[atB + c + 3] = r3;
  }
  for (; c < k; c++) {
    const b0 = c * d;
    let a0 = 0;
    let r0 = 0;
    for (let j = 0; j < d; j++) {
      const q = centers[b0 + j];
      const t = data[baseA + j] - q;
      const u = data[baseB + j] - q;
      a0 += t * t;
      r0 += u * u;
    }
    outA[atA + c] = a0;
    outB[atB + c] = r0;
  }
}

/**
 * Squared distances from the row at `base` in `a` to the four consecutive d-long blocks of `b`
 * starting at `first` (four centres, or four data rows), into out[at..at + 3]: one pass, four
 * sums, each in index order.
 */
export function distancesToFourBlocks(
  a: Float64Array,
  base: number,
  b: Float64Array,
  first: number,
  d: number,
  out: Float64Array,
  at = 0,
): void {
  const b1 = first + d;
  const b2 = b1 + d;
  const b3 = b2 + d;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let j = 0; j < d; j++) {
    const x = a[base + j];
    const t0 = x - b[first + j];
    const t1 = x - b[b1 + j];
    const t2 = x - b[b2 + j];
    const t3 = x - b[b3 + j];
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  out[at] = s0;
  out[at + 1] = s1;
  out[at + 2] = s2;
  out[at + 3] = s3;
}

/** Rows per `CentreDistances` call: small enough that a block and its distances stay in cache. */
export const DISTANCE_BLOCK = 128;

// Largest matrix `useData` copies into WebAssembly memory (the 1,000,000 × 30 fit stays out: its
// memory bar is raw data + 50 %).
const RESIDENT_MAX_BYTES = 64 * 1024 * 1024;

export type DistanceBackend = "wasm-simd" | "js";

/** Squared distances from blocks of rows to a fixed set of centres (or of other rows). */
export interface CentreDistances {
  readonly backend: DistanceBackend;
  readonly k: number;
  /** Distance of row r to centre c of a call's result is at out[base + r × stride + c]. */
  readonly stride: number;
  /** Where the last call wrote: read it right after the call, a later call may replace it. */
  readonly out: Float64Array;
  /** Takes the k × d centres (row-major) for the following calls. */
  setCentres(centres: Float64Array): void;
  /**
   * Announces many calls on `data` (a Lloyd fit): the WebAssembly kernels then copy it into their
   * memory once, up to 64 MiB, and read rows there instead of copying each block. Copied now, so
   * later changes to `data` are not seen: call it again after changing the data.
   */
  useData(data: Float64Array): void;
  /** Rows first .. first + count − 1 of `data` (count ≤ DISTANCE_BLOCK); returns base. */
  ofBlock(data: Float64Array, first: number, count: number): number;
  /** Rows rows[from] .. rows[from + count − 1] of `data` (count ≤ DISTANCE_BLOCK); returns base. */
  ofRows(data: Float64Array, rows: Int32Array, from: number, count: number): number;
}

/** Distances to k centres of d columns, on WebAssembly SIMD where available (see the module doc). */
export function centreDistances(k: number, d: number, block = DISTANCE_BLOCK): CentreDistances {
  const kernels = wasmKernels();
  return kernels ? new WasmCentreDistances(kernels, k, d, block) : new JsCentreDistances(k, d, block);
}

/** Which kernels `centreDistances` uses in this thread now. */
export function distanceBackend(): DistanceBackend {
  return wasmKernels() ? "wasm-simd" : "js";
}

class JsCentreDistances implements CentreDistances {
  readonly backend = "js";
  readonly stride: number;
  readonly out: Float64Array;
  private centres: Float64Array;

  constructor(
    readonly k: number,
    private readonly d: number,
    private readonly block: number,
  ) {
    this.stride = k;
    this.out = new Float64Array(block * k);
    this.centres = new Float64Array(k * d);
  }

  setCentres(centres: Float64Array): void {
    this.centres = centres;
  }

  useData(): void {}

  ofBlock(data: Float64Array, first: number, count: number): number {
    const { d, k, out, centres } = this;
    let r = 0;
    for (; r + 2 <= count; r += 2) {
      distancesOfTwoRows(data, (first + r) * d, (first + r + 1) * d, centres, k, d, out, out, r * k, (r + 1) * k);
    }
    if (r < count) distancesToCentres(data, (first + r) * d, centres, k, d, out, r * k);
    return 0;
  }

  ofRows(data: Float64Array, rows: Int32Array, from: number, count: number): number {
    const { d, k, out, centres } = this;
    let r = 0;
    for (; r + 2 <= count; r += 2) {
      distancesOfTwoRows(data, rows[from + r] * d, rows[from + r + 1] * d, centres, k, d, out, out, r * k, (r + 1) * k);
    }
    if (r < count) distancesToCentres(data, rows[from + r] * d, centres, k, d, out, r * k);
    return 0;
  }
}

// One WebAssembly memory per thread, shared by every WasmCentreDistances. It holds at DATA_AT the
// matrix of the latest `useData` (bumping `residentGeneration`), then the working area (centres,
// row indices, copied rows, distances) of `owner`, the instance that used it last; any other
// instance lays out and copies in its own before its next call.
const DATA_AT = 8; // Float64 index
let owner: WasmCentreDistances | null = null;
let view: Float64Array = new Float64Array(0);
let residentGeneration = 0;
let residentEnd = DATA_AT;

function ensureMemory(memory: WebAssembly.Memory, bytes: number): void {
  if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
  if (view.buffer !== memory.buffer) view = new Float64Array(memory.buffer);
}

class WasmCentreDistances implements CentreDistances {
  readonly backend = "wasm-simd";
  readonly stride: number;
  private readonly pairs: number;
  private readonly interleaved: Float64Array;
  private readonly areaLength: number;
  // Float64 indices of the working area, set when it is bound.
  private centresAt = 0;
  private indicesAt = 0;
  private rowsAt = 0;
  private outAt = 0;
  private boundGeneration = -1;
  private data: Float64Array | null = null;
  private dataGeneration = -1;

  constructor(
    private readonly kernels: WasmKernels,
    readonly k: number,
    private readonly d: number,
    private readonly block: number,
  ) {
    this.pairs = (k + 1) >> 1;
    this.stride = 2 * this.pairs;
    this.interleaved = new Float64Array(this.pairs * 2 * d);
    this.areaLength = this.interleaved.length + Math.ceil(block / 2) + block * d + block * this.stride;
  }

  get out(): Float64Array {
    return view;
  }

  /** Stored as pairs [c(2p)[j], c(2p+1)[j]]; an odd k repeats the last centre (its distances are never read). */
  setCentres(centres: Float64Array): void {
    const { k, d, interleaved } = this;
    for (let c = 0; c < this.stride; c++) {
      const from = Math.min(c, k - 1) * d;
      const to = (c >> 1) * 2 * d + (c & 1);
      for (let j = 0; j < d; j++) interleaved[to + 2 * j] = centres[from + j];
    }
    if (owner === this) owner = null;
  }

  useData(data: Float64Array): void {
    this.data = data.byteLength <= RESIDENT_MAX_BYTES ? data : null;
    if (this.data) this.copyData(this.data);
  }

  private copyData(data: Float64Array): void {
    ensureMemory(this.kernels.memory, (DATA_AT + data.length) * 8);
    view.set(data, DATA_AT);
    residentGeneration++;
    this.dataGeneration = residentGeneration;
    residentEnd = DATA_AT + data.length + 1;
    owner = null;
  }

  /** Whether `data` is in memory at DATA_AT (copied back if another instance replaced it). */
  private resident(data: Float64Array): boolean {
    if (this.data !== data) return false;
    if (this.dataGeneration !== residentGeneration) this.copyData(data);
    return true;
  }

  private bind(): void {
    if (owner !== this || this.boundGeneration !== residentGeneration) {
      this.centresAt = residentEnd;
      this.indicesAt = this.centresAt + this.interleaved.length;
      this.rowsAt = this.indicesAt + Math.ceil(this.block / 2);
      this.outAt = this.rowsAt + this.block * this.d;
      ensureMemory(this.kernels.memory, (this.centresAt + this.areaLength) * 8);
      view.set(this.interleaved, this.centresAt);
      owner = this;
      this.boundGeneration = residentGeneration;
    } else if (view.buffer !== this.kernels.memory.buffer) {
      view = new Float64Array(this.kernels.memory.buffer);
    }
  }

  ofBlock(data: Float64Array, first: number, count: number): number {
    const { d, pairs } = this;
    const inMemory = this.resident(data);
    this.bind();
    let rows = (DATA_AT + first * d) * 8;
    if (!inMemory) {
      view.set(data.subarray(first * d, (first + count) * d), this.rowsAt);
      rows = this.rowsAt * 8;
    }
    this.kernels.distances(rows, count, d, this.centresAt * 8, pairs, this.outAt * 8);
    return this.outAt;
  }

  ofRows(data: Float64Array, rows: Int32Array, from: number, count: number): number {
    const { d, pairs } = this;
    const inMemory = this.resident(data);
    this.bind();
    if (inMemory) {
      const indices = new Int32Array(view.buffer, this.indicesAt * 8, count);
      indices.set(rows.subarray(from, from + count));
      this.kernels.distancesOfIndexed(DATA_AT * 8, this.indicesAt * 8, count, d, this.centresAt * 8, pairs, this.outAt * 8);
      return this.outAt;
    }
    const target = view;
    const { rowsAt } = this;
    for (let r = 0; r < count; r++) {
      const source = rows[from + r] * d;
      const at = rowsAt + r * d;
      for (let j = 0; j < d; j++) target[at + j] = data[source + j];
    }
    this.kernels.distances(rowsAt * 8, count, d, this.centresAt * 8, pairs, this.outAt * 8);
    return this.outAt;
  }
}
