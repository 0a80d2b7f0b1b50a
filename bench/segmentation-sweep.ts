// Benchmark: the segmentation sweep (k = 2..8 × 10 restarts + sampled silhouette) on 100,000 × 30
// seeded data, in our core on one thread and in scikit-learn (Debian's /usr/bin/python3,
// OMP_NUM_THREADS=1) on the same bytes, alternating so machine load hits both alike; then one fit at
// 1,000,000 × 30 with its peak memory (in a child process, so nothing else counts); then bootstrap
// stability for the realistic case (1,500 × 20, k = 2..8, 100 bootstraps) on one and two threads.
// Run: npx tsx bench/segmentation-sweep.ts   (BENCH_REPEATS=3, BENCH_PARTS=sweep,memory,stability)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMatrix, fitKMeans, runSweep, type Matrix } from "@/lib/analysis";
import { runSweepInWorkers } from "@/lib/analysis/sweep-workers";
import { gaussianMixture, residentMemory } from "./lib/gaussian-mixture";

const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
const SKLEARN_SCRIPT = join(import.meta.dirname, "segmentation-sklearn.py");
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const PARTS = new Set((process.env.BENCH_PARTS ?? "sweep,memory,stability").split(","));
const MiB = 1024 * 1024;
// One thread for every BLAS/OpenMP pool scikit-learn might use.
const ONE_THREAD_ENV = { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function writeRaw(dir: string, data: Float64Array): string {
  const path = join(dir, `data-${data.length}.f64`);
  writeFileSync(path, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return path;
}

function sklearn(args: (string | number)[]): Record<string, unknown> {
  const out = execFileSync(PYTHON, [SKLEARN_SCRIPT, ...args.map(String)], { env: ONE_THREAD_ENV, encoding: "utf8", maxBuffer: 16 * MiB });
  return JSON.parse(out.trim().split("\n").pop()!);
}

function sweepPart(dir: string): void {
  const rows = 100_000;
  const cols = 30;
  const data = gaussianMixture(20260601, rows, cols);
  const matrix = createMatrix(data, rows, cols);
  const path = writeRaw(dir, data);
  console.log(`\nSweep k = 2..8 × 10 restarts + silhouette on a 2,000 sample, ${rows.toLocaleString("en")} × ${cols}, ${REPEATS} alternating runs`);
  const ours: number[] = [];
  const theirs: number[] = [];
  let lastOurs: Record<number, { wss: number; silhouette: number }> = {};
  let lastTheirs: Record<string, { wss: number; silhouette: number }> = {};
  for (let r = 0; r < REPEATS; r++) {
    // Alternate who goes first, so a load spike does not always land on the same side.
    const order = r % 2 === 0 ? ["ours", "sklearn"] : ["sklearn", "ours"];
    for (const side of order) {
      if (side === "ours") {
        const started = performance.now();
        const result = runSweep(matrix, { kMin: 2, kMax: 8, restarts: 10, seed: r + 1, bootstraps: 0, silhouetteSample: 2000 });
        ours.push((performance.now() - started) / 1000);
        lastOurs = Object.fromEntries(result.perK.map((p) => [p.k, { wss: p.totalWithinSS, silhouette: p.silhouette }]));
      } else {
        const result = sklearn(["sweep", path, rows, cols, 2, 8, 10, 2000]) as { seconds: number; perK: typeof lastTheirs };
        theirs.push(result.seconds);
        lastTheirs = result.perK;
      }
    }
    console.log(`  run ${r + 1}: ours ${ours[r].toFixed(2)} s, scikit-learn ${theirs[r].toFixed(2)} s`);
  }
  console.log("  k  within-SS ours / scikit-learn (ratio)   silhouette ours / scikit-learn");
  for (let k = 2; k <= 8; k++) {
    const a = lastOurs[k];
    const b = lastTheirs[String(k)];
    console.log(`  ${k}  ${a.wss.toFixed(0)} / ${b.wss.toFixed(0)} (${(a.wss / b.wss).toFixed(4)})   ${a.silhouette.toFixed(3)} / ${b.silhouette.toFixed(3)}`);
  }
  const ratio = median(ours) / median(theirs);
  // Each run pairs the two sides under about the same load; the median of those ratios is the steadier figure.
  const paired = median(ours.map((t, r) => t / theirs[r]));
  console.log(`  median: ours ${median(ours).toFixed(2)} s, scikit-learn ${median(theirs).toFixed(2)} s → ratio ${ratio.toFixed(2)}×; median of paired ratios ${paired.toFixed(2)}× (bar ≤ 1.5×) ${Math.max(ratio, paired) <= 1.5 ? "PASS" : "FAIL"}`);
}

/** Child-process body: one k = 8 fit at 1,000,000 × 30; prints peak RSS before and after. */
function fitChild(): void {
  const rows = 1_000_000;
  const cols = 30;
  const baseline = residentMemory();
  const data = gaussianMixture(20260602, rows, cols);
  const matrix: Matrix = { data, rows, cols };
  const afterData = residentMemory();
  const started = performance.now();
  const result = fitKMeans(matrix, { k: 8, seed: 1 });
  const seconds = (performance.now() - started) / 1000;
  const peak = residentMemory();
  if (process.env.BENCH_RAW_OUT) writeFileSync(process.env.BENCH_RAW_OUT, new Uint8Array(data.buffer));
  console.log(JSON.stringify({ seconds, wss: result.totalWithinSS, iterations: result.iterations, baseline: baseline?.current, afterData: afterData?.current, peak: peak?.peak, rawBytes: data.byteLength }));
}

function memoryPart(dir: string): void {
  console.log("\nOne fit, k = 8, 1,000,000 × 30 (child processes, peak RSS)");
  const rawPath = join(dir, "million.f64");
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, "--fit-child"], {
    env: { ...process.env, BENCH_RAW_OUT: rawPath },
    encoding: "utf8",
    maxBuffer: 16 * MiB,
  });
  if (child.status !== 0) throw new Error(`fit child failed: ${child.stderr}`);
  const ours = JSON.parse(child.stdout.trim().split("\n").pop()!);
  const raw = ours.rawBytes / MiB;
  const overhead = (ours.peak - ours.baseline) / MiB;
  console.log(`  ours: ${ours.seconds.toFixed(2)} s (${ours.iterations} iterations), peak RSS ${(ours.peak / MiB).toFixed(0)} MiB = Node baseline ${(ours.baseline / MiB).toFixed(0)} MiB + ${overhead.toFixed(0)} MiB for data and fit; raw data ${raw.toFixed(0)} MiB → ${((overhead / raw) * 100 - 100).toFixed(0)} % above raw (bar ≤ 50 %) ${overhead <= raw * 1.5 ? "PASS" : "FAIL"}`);
  const theirs = sklearn(["fit", rawPath, 1_000_000, 30, 8]) as { seconds: number; peakRss: number; rssAfterLoad: number };
  console.log(`  scikit-learn: ${theirs.seconds.toFixed(2)} s, peak RSS ${(theirs.peakRss / MiB).toFixed(0)} MiB (${(theirs.rssAfterLoad / MiB).toFixed(0)} MiB after loading the data)`);
}

async function stabilityPart(): Promise<void> {
  const rows = 1_500;
  const cols = 20;
  const matrix = createMatrix(gaussianMixture(20260603, rows, cols, 5), rows, cols);
  const options = { kMin: 2, kMax: 8, restarts: 10, seed: 7, bootstraps: 100 };
  console.log(`\nSweep with bootstrap stability, ${rows.toLocaleString("en")} × ${cols}, k = 2..8, 10 restarts, 100 bootstrap pairs`);
  let started = performance.now();
  const single = runSweep(matrix, options);
  const oneThread = (performance.now() - started) / 1000;
  started = performance.now();
  const parallel = await runSweepInWorkers(matrix, options, { threads: 2 });
  const twoThreads = (performance.now() - started) / 1000;
  const same = JSON.stringify(single.perK.map((p) => p.stability?.ari)) === JSON.stringify(parallel.perK.map((p) => p.stability?.ari));
  console.log(`  1 thread ${oneThread.toFixed(1)} s, 2 worker threads ${twoThreads.toFixed(1)} s (speed-up ${(oneThread / twoThreads).toFixed(2)}×), identical results: ${same}`);
  for (const p of single.perK) {
    const s = p.stability!.ariSummary;
    console.log(`  k = ${p.k}: median ARI ${s.median.toFixed(3)} (q1 ${s.q1.toFixed(3)}, q3 ${s.q3.toFixed(3)})`);
  }
}

async function main(): Promise<void> {
  if (process.argv.includes("--fit-child")) return fitChild();
  const dir = mkdtempSync(join(tmpdir(), "needscape-bench-"));
  try {
    if (PARTS.has("sweep")) sweepPart(dir);
    if (PARTS.has("memory")) memoryPart(dir);
    if (PARTS.has("stability")) await stabilityPart();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
