import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildDistanceKernels, KERNELS_MODULE, kernelsModuleSource } from "@/scripts/build-wasm";
import { centreDistances, distanceBackend, DISTANCE_BLOCK, squaredDistance } from "./distance-kernels";
import { gaussianBlobs, uniformNoise } from "./fixtures/synthetic";
import { fitKMeans } from "./kmeans";
import { fitKMeansWithRestarts } from "./kmeans-restarts";
import { kmeansPlusPlus } from "./kmeans-init";
import { createMatrix, type Matrix } from "./matrix";
import { createRandom } from "./random";
import { runSweep } from "./sweep";
import { distanceKernelsSetting } from "@/lib/env";
import { setDistanceKernels, wasmSimdSupported } from "./wasm-kernels";

afterEach(() => {
  vi.unstubAllEnvs();
  setDistanceKernels("auto");
});

/** Runs `body` with the JavaScript kernels forced, as NEEDSCAPE_DISTANCE_KERNELS=js does in the server. */
function withJavaScriptKernels<T>(body: () => T): T {
  vi.stubEnv("NEEDSCAPE_DISTANCE_KERNELS", "js");
  setDistanceKernels(distanceKernelsSetting());
  try {
    return body();
  } finally {
    vi.unstubAllEnvs();
    setDistanceKernels("auto");
  }
}

function mixedData(seed: number, rows: number, d: number): Float64Array {
  const random = createRandom(seed);
  // Mixed magnitudes, so any other order of additions would show in the last bits.
  return Float64Array.from({ length: rows * d }, () => (random() - 0.5) * 10 ** Math.floor(random() * 6));
}

function expectExactDistances(k: number, d: number, rows: number, seed: number, resident = false): void {
  const data = mixedData(seed, rows, d);
  const centres = mixedData(seed + 1, k, d);
  const kernel = centreDistances(k, d);
  kernel.setCentres(centres);
  if (resident) kernel.useData(data);
  const mismatches: string[] = [];
  const check = (value: number, row: number, c: number) => {
    const expected = squaredDistance(data, row * d, centres, c * d, d);
    if (!Object.is(value, expected)) mismatches.push(`k ${k}, d ${d}, row ${row}, centre ${c}: ${value} ≠ ${expected}`);
  };
  for (let first = 0; first < rows; first += DISTANCE_BLOCK) {
    const count = Math.min(DISTANCE_BLOCK, rows - first);
    const base = kernel.ofBlock(data, first, count);
    for (let r = 0; r < count; r++) for (let c = 0; c < k; c++) check(kernel.out[base + r * kernel.stride + c], first + r, c);
  }
  // Gathered rows, in any order and with repeats.
  const picked = Int32Array.from({ length: Math.min(rows, DISTANCE_BLOCK) }, (_, i) => (i * 7 + 3) % rows);
  const base = kernel.ofRows(data, picked, 0, picked.length);
  picked.forEach((row, r) => {
    for (let c = 0; c < k; c++) check(kernel.out[base + r * kernel.stride + c], row, c);
  });
  expect(mismatches).toEqual([]);
}

describe("WebAssembly SIMD distance kernels", () => {
  it("are what a fresh build of distance-kernels.as.ts gives (the committed module is not stale)", async () => {
    const binary = await buildDistanceKernels();
    expect(readFileSync(KERNELS_MODULE, "utf8")).toBe(kernelsModuleSource(binary));
  }, 180_000);

  it("run here, and NEEDSCAPE_DISTANCE_KERNELS=js switches to the JavaScript kernels", () => {
    expect(distanceKernelsSetting()).toBe("auto");
    expect(wasmSimdSupported()).toBe(true);
    expect(distanceBackend()).toBe("wasm-simd");
    expect(centreDistances(3, 2).backend).toBe("wasm-simd");
    withJavaScriptKernels(() => {
      expect(distanceBackend()).toBe("js");
      expect(centreDistances(3, 2).backend).toBe("js");
    });
  });

  it.each(["wasm", "js"])("give the reference distances to the last bit (%s kernels), any k, d and block size", (backend) => {
    const run = () => {
      for (const d of [1, 2, 3, 30, 31]) {
        for (const k of [1, 2, 3, 4, 5, 8, 9, 17]) {
          expectExactDistances(k, d, 2 * DISTANCE_BLOCK + 3, d * 100 + k);
          // The data copied into WebAssembly memory once (useData, as Lloyd does) rather than per block.
          expectExactDistances(k, d, 2 * DISTANCE_BLOCK + 3, d * 100 + k, true);
        }
      }
    };
    if (backend === "js") withJavaScriptKernels(run);
    else run();
  });

  it("keep several users' data and centres apart when their calls interleave", () => {
    const d = 5;
    const one = mixedData(10, 40, d);
    const two = mixedData(11, 60, d);
    const first = centreDistances(3, d);
    const second = centreDistances(4, d);
    const c1 = mixedData(12, 3, d);
    const c2 = mixedData(13, 4, d);
    first.setCentres(c1);
    second.setCentres(c2);
    first.useData(one);
    second.useData(two);
    const picks = Int32Array.from([39, 0, 17, 17, 5]);
    for (let round = 0; round < 3; round++) {
      let base = first.ofRows(one, picks, 1, 4);
      expect(first.out[base + 3 * first.stride + 2]).toBe(squaredDistance(one, 5 * d, c1, 2 * d, d));
      base = second.ofBlock(two, 50, 10);
      expect(second.out[base + 9 * second.stride + 3]).toBe(squaredDistance(two, 59 * d, c2, 3 * d, d));
      base = first.ofBlock(one, 30, 10);
      expect(first.out[base + 9 * first.stride]).toBe(squaredDistance(one, 39 * d, c1, 0, d));
    }
  });

  it("grow their memory for large problems and keep several users' centres apart", () => {
    const small = centreDistances(2, 3);
    const large = centreDistances(300, 200);
    const a = mixedData(1, 10, 3);
    const b = mixedData(2, 10, 200);
    const ca = mixedData(3, 2, 3);
    const cb = mixedData(4, 300, 200);
    small.setCentres(ca);
    large.setCentres(cb);
    for (let round = 0; round < 2; round++) {
      let base = small.ofBlock(a, 0, 10);
      expect(small.out[base + 9 * small.stride + 1]).toBe(squaredDistance(a, 9 * 3, ca, 3, 3));
      base = large.ofBlock(b, 0, 10);
      expect(large.out[base + 9 * large.stride + 299]).toBe(squaredDistance(b, 9 * 200, cb, 299 * 200, 200));
    }
  });
});

describe("WebAssembly and JavaScript kernels give the same results for a seed", () => {
  const blobs = gaussianBlobs(3, [[0, 0, 0, 0], [3, 1, 0, 2], [1, 3, 2, 0], [2, 2, 3, 3]], 120, 1.4);
  const noise = uniformNoise(9, 700, 7);
  const shifted: Matrix = createMatrix(blobs.data.map((v) => v + 1e6), blobs.rows, blobs.cols);

  it("k-means++ starts, fits and restarts: identical partitions, centroids and within-SS", () => {
    for (const matrix of [blobs, noise, shifted]) {
      for (const k of [2, 3, 5, 8]) {
        const wasm = { start: kmeansPlusPlus(matrix, k, createRandom(k)), fit: fitKMeans(matrix, { k, seed: 11 }), best: fitKMeansWithRestarts(matrix, { k, seed: 4, restarts: 4 }) };
        const js = withJavaScriptKernels(() => ({ start: kmeansPlusPlus(matrix, k, createRandom(k)), fit: fitKMeans(matrix, { k, seed: 11 }), best: fitKMeansWithRestarts(matrix, { k, seed: 4, restarts: 4 }) }));
        expect(wasm).toEqual(js);
      }
    }
  });

  it("the sweep with stability: identical numbers", () => {
    const options = { kMin: 2, kMax: 6, restarts: 3, bootstraps: 4, seed: 5 };
    const wasm = runSweep(noise, options);
    const js = withJavaScriptKernels(() => runSweep(noise, options));
    expect(wasm).toEqual(js);
  });
});
