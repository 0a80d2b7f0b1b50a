import { readFileSync } from "node:fs";
import { createRandom } from "@/lib/analysis";

/**
 * Seeded benchmark data: `rows` points from `clusters` spherical Gaussians (sd 1) whose centres are
 * drawn uniformly from [−2, 2] per variable, so the clusters overlap as real survey segments do.
 */
export function gaussianMixture(seed: number, rows: number, cols: number, clusters = 6): Float64Array {
  const random = createRandom(seed);
  const centres = new Float64Array(clusters * cols);
  for (let i = 0; i < centres.length; i++) centres[i] = 4 * random() - 2;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(random() * clusters);
    for (let j = 0; j < cols; j++) {
      // Box–Muller; 1 − u keeps the logarithm finite.
      const u = 1 - random();
      const v = random();
      data[i * cols + j] = centres[c * cols + j] + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
  }
  return data;
}

/** Peak and current resident set size of this process in bytes (Linux; undefined elsewhere). */
export function residentMemory(): { peak: number; current: number } | undefined {
  try {
    const status = readFileSync("/proc/self/status", "utf8");
    const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1]) * 1024;
    return { peak: kib("VmHWM"), current: kib("VmRSS") };
  } catch {
    return undefined;
  }
}
