// AssemblyScript source of the WebAssembly distance kernels (128-bit SIMD). Built by
// scripts/build-wasm.ts into distance-kernels.wasm.ts (the module's bytes, base64), which the
// runtime loads: see lib/analysis/wasm-kernels.ts. Excluded from the TypeScript project.
//
// Centres are stored as interleaved pairs — for pair p and column j, [c(2p)[j], c(2p+1)[j]] — so one
// 128-bit load feeds two (row, centre) sums. Each lane adds (x − c)² in column order starting from
// 0 with separate IEEE subtract, multiply and add (no fused multiply–add), exactly what the scalar
// JavaScript loop `s += t * t` does, so every distance is bit-identical to it.
//
// All pointers are byte offsets into this module's memory, laid out by the JavaScript side.

@inline
function step(acc: v128, x: v128, c: v128): v128 {
  const t = f64x2.sub(x, c);
  return f64x2.add(acc, f64x2.mul(t, t));
}

/** Row a against every centre pair (distances to out + 16 × p), and the same for row b. */
@inline
function twoRows(a: usize, b: usize, oa: usize, ob: usize, centres: usize, pairs: i32, rowBytes: usize, pairBytes: usize): void {
  let p = 0;
  // Two rows against eight centres per pass: each centre load serves both rows.
  for (; p + 4 <= pairs; p += 4) {
    const c0 = centres + <usize>p * pairBytes;
    const c1 = c0 + pairBytes;
    const c2 = c1 + pairBytes;
    const c3 = c2 + pairBytes;
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    let a2 = f64x2.splat(0);
    let a3 = f64x2.splat(0);
    let b0 = f64x2.splat(0);
    let b1 = f64x2.splat(0);
    let b2 = f64x2.splat(0);
    let b3 = f64x2.splat(0);
    for (let j: usize = 0; j < rowBytes; j += 8) {
      const x = f64x2.splat(load<f64>(a + j));
      const y = f64x2.splat(load<f64>(b + j));
      const jj = j << 1;
      const q0 = v128.load(c0 + jj);
      a0 = step(a0, x, q0);
      b0 = step(b0, y, q0);
      const q1 = v128.load(c1 + jj);
      a1 = step(a1, x, q1);
      b1 = step(b1, y, q1);
      const q2 = v128.load(c2 + jj);
      a2 = step(a2, x, q2);
      b2 = step(b2, y, q2);
      const q3 = v128.load(c3 + jj);
      a3 = step(a3, x, q3);
      b3 = step(b3, y, q3);
    }
    const at = (<usize>p) << 4;
    v128.store(oa + at, a0);
    v128.store(oa + at, a1, 16);
    v128.store(oa + at, a2, 32);
    v128.store(oa + at, a3, 48);
    v128.store(ob + at, b0);
    v128.store(ob + at, b1, 16);
    v128.store(ob + at, b2, 32);
    v128.store(ob + at, b3, 48);
  }
  for (; p + 2 <= pairs; p += 2) {
    const c0 = centres + <usize>p * pairBytes;
    const c1 = c0 + pairBytes;
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    let b0 = f64x2.splat(0);
    let b1 = f64x2.splat(0);
    for (let j: usize = 0; j < rowBytes; j += 8) {
      const x = f64x2.splat(load<f64>(a + j));
      const y = f64x2.splat(load<f64>(b + j));
      const jj = j << 1;
      const q0 = v128.load(c0 + jj);
      a0 = step(a0, x, q0);
      b0 = step(b0, y, q0);
      const q1 = v128.load(c1 + jj);
      a1 = step(a1, x, q1);
      b1 = step(b1, y, q1);
    }
    const at = (<usize>p) << 4;
    v128.store(oa + at, a0);
    v128.store(oa + at, a1, 16);
    v128.store(ob + at, b0);
    v128.store(ob + at, b1, 16);
  }
  for (; p < pairs; p++) {
    const c0 = centres + <usize>p * pairBytes;
    let a0 = f64x2.splat(0);
    let b0 = f64x2.splat(0);
    for (let j: usize = 0; j < rowBytes; j += 8) {
      const q0 = v128.load(c0 + (j << 1));
      a0 = step(a0, f64x2.splat(load<f64>(a + j)), q0);
      b0 = step(b0, f64x2.splat(load<f64>(b + j)), q0);
    }
    const at = (<usize>p) << 4;
    v128.store(oa + at, a0);
    v128.store(ob + at, b0);
  }
}

/** Row a against every centre pair, distances to out + 16 × p. */
@inline
function oneRow(a: usize, oa: usize, centres: usize, pairs: i32, rowBytes: usize, pairBytes: usize): void {
  let p = 0;
  for (; p + 4 <= pairs; p += 4) {
    const c0 = centres + <usize>p * pairBytes;
    const c1 = c0 + pairBytes;
    const c2 = c1 + pairBytes;
    const c3 = c2 + pairBytes;
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    let a2 = f64x2.splat(0);
    let a3 = f64x2.splat(0);
    for (let j: usize = 0; j < rowBytes; j += 8) {
      const x = f64x2.splat(load<f64>(a + j));
      const jj = j << 1;
      a0 = step(a0, x, v128.load(c0 + jj));
      a1 = step(a1, x, v128.load(c1 + jj));
      a2 = step(a2, x, v128.load(c2 + jj));
      a3 = step(a3, x, v128.load(c3 + jj));
    }
    const at = (<usize>p) << 4;
    v128.store(oa + at, a0);
    v128.store(oa + at, a1, 16);
    v128.store(oa + at, a2, 32);
    v128.store(oa + at, a3, 48);
  }
  for (; p < pairs; p++) {
    const c0 = centres + <usize>p * pairBytes;
    let a0 = f64x2.splat(0);
    for (let j: usize = 0; j < rowBytes; j += 8) {
      a0 = step(a0, f64x2.splat(load<f64>(a + j)), v128.load(c0 + (j << 1)));
    }
    v128.store(oa + ((<usize>p) << 4), a0);
  }
}

/**
 * Squared distances of `count` contiguous rows of `d` values (at `rows`) to the `pairs` centre pairs
 * at `centres`; row r's 2 × pairs distances go to out + r × 2 × pairs × 8.
 */
export function distances(rows: usize, count: i32, d: i32, centres: usize, pairs: i32, out: usize): void {
  const rowBytes = (<usize>d) << 3;
  const pairBytes = (<usize>d) << 4;
  const stride = (<usize>pairs) << 4;
  let i = 0;
  for (; i + 2 <= count; i += 2) {
    const a = rows + <usize>i * rowBytes;
    const oa = out + <usize>i * stride;
    twoRows(a, a + rowBytes, oa, oa + stride, centres, pairs, rowBytes, pairBytes);
  }
  if (i < count) oneRow(rows + <usize>i * rowBytes, out + <usize>i * stride, centres, pairs, rowBytes, pairBytes);
}

/**
 * The same for `count` rows picked by index: row indices[r] (i32 at `indices`) of the matrix at
 * `data`, its distances to out + r × 2 × pairs × 8.
 */
export function distancesOfIndexed(data: usize, indices: usize, count: i32, d: i32, centres: usize, pairs: i32, out: usize): void {
  const rowBytes = (<usize>d) << 3;
  const pairBytes = (<usize>d) << 4;
  const stride = (<usize>pairs) << 4;
  let i = 0;
  for (; i + 2 <= count; i += 2) {
    const a = data + <usize>load<i32>(indices + ((<usize>i) << 2)) * rowBytes;
    const b = data + <usize>load<i32>(indices + ((<usize>i) << 2), 4) * rowBytes;
    const oa = out + <usize>i * stride;
    twoRows(a, b, oa, oa + stride, centres, pairs, rowBytes, pairBytes);
  }
  if (i < count) oneRow(data + <usize>load<i32>(indices + ((<usize>i) << 2)) * rowBytes, out + <usize>i * stride, centres, pairs, rowBytes, pairBytes);
}
