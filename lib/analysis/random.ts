/**
 * Seeded pseudo-random numbers, so every analysis result can be reproduced
 * from the seed stored with it. Not for anything security-related.
 */

/** Returns floats uniformly distributed in [0, 1). */
export type Random = () => number;

function assertSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`Seed must be a safe integer, got ${seed}`);
  }
}

/**
 * mulberry32: 32-bit state, passes the common statistical batteries for the
 * sample sizes we draw, and is a few lines with no allocation per draw.
 */
export function createRandom(seed: number): Random {
  assertSeed(seed);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Independent-looking seed for sub-stream `stream` of `seed` (e.g. one per
 * k-means restart). Consecutive seeds fed straight into mulberry32 give
 * correlated first draws, so both numbers go through a murmur3-style mix.
 */
export function deriveSeed(seed: number, stream: number): number {
  assertSeed(seed);
  assertSeed(stream);
  let h = (seed >>> 0) ^ Math.imul((stream >>> 0) + 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/**
 * `count` distinct indices from [0, n) in random order (partial
 * Fisher–Yates), used for sampling respondents without replacement.
 */
export function sampleIndices(random: Random, n: number, count: number): Int32Array {
  if (!Number.isInteger(count) || count < 0 || count > n) {
    throw new Error(`Cannot sample ${count} distinct indices from ${n}`);
  }
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < count; i++) {
    const j = i + randomInt(random, n - i);
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
  }
  return pool.slice(0, count);
}
