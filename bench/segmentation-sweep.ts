// Benchmark: the segmentation sweep (k = 2..8 × 10 restarts + sampled silhouette) on 100,000 × 30
// seeded data, in our core on one thread and in scikit-learn on the same bytes, alternating so
// machine load hits every side alike; then one fit at 1,000,000 × 30 with its peak memory (in a
// child process, so nothing else counts); then bootstrap stability for the realistic case
// (1,500 × 20, k = 2..8, 100 bootstraps) on one and two threads.
//
// Two scikit-learn peers, both on one thread (OMP_NUM_THREADS=1, OPENBLAS_NUM_THREADS=1):
// - "current": scikit-learn from pip in a virtual environment (.bench-venv/, created on first run
//   with `python3 -m venv` and `pip install scikit-learn threadpoolctl`; BENCH_VENV to put it
//   elsewhere), run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from that child's
//   environment only, so its OpenBLAS picks the kernel for this processor. This is the bar.
// - "Debian": /usr/bin/python3 with python3-sklearn, under the variables as the machine sets them
//   (skipped when python3-sklearn is not installed).
// Each prints its versions and the BLAS kernel threadpoolctl reports.
// Run: npx tsx bench/segmentation-sweep.ts   (BENCH_REPEATS=3, BENCH_PARTS=sweep,memory,stability)
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createMatrix, fitKMeans, runSweep, type Matrix } from "@/lib/analysis";
import { distanceBackend } from "@/lib/analysis/distance-kernels";
import { runSweepInWorkers } from "@/lib/analysis/sweep-workers";
import { gaussianMixture, residentMemory } from "./lib/gaussian-mixture";

const ROOT = join(import.meta.dirname, "..");
const VENV = process.env.BENCH_VENV ?? join(ROOT, ".bench-venv");
const DEBIAN_PYTHON = "/usr/bin/python3";
const SKLEARN_SCRIPT = join(import.meta.dirname, "segmentation-sklearn.py");
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const PARTS = new Set((process.env.BENCH_PARTS ?? "sweep,memory,stability").split(","));
const MiB = 1024 * 1024;
// One thread for every BLAS/OpenMP pool scikit-learn might use.
const ONE_THREAD_ENV: NodeJS.ProcessEnv = { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };

interface Peer {
  name: string;
  python: string;
  env: NodeJS.ProcessEnv;
  label: string;
}

/** The pip peer's environment: the machine's OpenBLAS overrides removed, for this child only. */
function currentPeerEnv(): NodeJS.ProcessEnv {
  const env = { ...ONE_THREAD_ENV };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

function canImportSklearn(python: string, env: NodeJS.ProcessEnv): boolean {
  if (!existsSync(python)) return false;
  return spawnSync(python, ["-c", "import sklearn, threadpoolctl"], { env, stdio: "ignore" }).status === 0;
}

/** Creates (or reuses) the virtual environment with current scikit-learn from pip. */
function ensureVenv(): string {
  const python = join(VENV, "bin", "python");
  if (canImportSklearn(python, ONE_THREAD_ENV)) return python;
  console.log(`Creating ${VENV} with current scikit-learn from pip (once; about 2 minutes)…`);
  execFileSync("python3", ["-m", "venv", VENV], { stdio: "inherit" });
  execFileSync(python, ["-m", "pip", "install", "--quiet", "--upgrade", "scikit-learn", "threadpoolctl"], { stdio: "inherit" });
  return python;
}

function describePeer(peer: Peer): string {
  const info = JSON.parse(execFileSync(peer.python, [SKLEARN_SCRIPT, "info"], { env: peer.env, encoding: "utf8" }).trim().split("\n").pop()!) as {
    sklearn: string;
    numpy: string;
    python: string;
    pools: { internal_api: string; version: string | null; architecture: string | null; num_threads: number; filepath: string }[] | null;
    env: Record<string, string | null>;
  };
  const blas = (info.pools ?? []).filter((p) => p.internal_api !== "openmp");
  // numpy's own BLAS does the products; scipy may bring a second copy.
  const kernels = blas.map((p) => `${p.internal_api} ${p.version ?? "?"} kernel ${p.architecture ?? "?"} (${p.num_threads} thread${p.num_threads === 1 ? "" : "s"}, ${p.filepath.includes("numpy") ? "numpy" : p.filepath.includes("scipy") ? "scipy" : p.filepath.split("/").pop()})`);
  const vars = `OPENBLAS_CORETYPE=${info.env.OPENBLAS_CORETYPE ?? "unset"}, OPENBLAS_L2_SIZE=${info.env.OPENBLAS_L2_SIZE ?? "unset"}`;
  return `scikit-learn ${info.sklearn}, numpy ${info.numpy}, Python ${info.python}; ${kernels.join("; ") || "BLAS not reported (no threadpoolctl)"}; ${vars}`;
}

function peers(): Peer[] {
  const list: Peer[] = [{ name: "current", python: ensureVenv(), env: currentPeerEnv(), label: "" }];
  if (canImportSklearn(DEBIAN_PYTHON, ONE_THREAD_ENV) || spawnSync(DEBIAN_PYTHON, ["-c", "import sklearn"], { stdio: "ignore" }).status === 0) {
    list.push({ name: "Debian", python: DEBIAN_PYTHON, env: ONE_THREAD_ENV, label: "" });
  } else {
    console.log("Debian's python3-sklearn is not installed: comparing with current scikit-learn only.");
  }
  for (const peer of list) {
    peer.label = describePeer(peer);
    console.log(`Peer ${peer.name}: ${peer.label}`);
  }
  return list;
}

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

function sklearn(peer: Peer, args: (string | number)[]): Record<string, unknown> {
  const out = execFileSync(peer.python, [SKLEARN_SCRIPT, ...args.map(String)], { env: peer.env, encoding: "utf8", maxBuffer: 16 * MiB });
  return JSON.parse(out.trim().split("\n").pop()!);
}

/** Which distance kernels our side runs. */
function ourKernels(): string {
  return distanceBackend() === "wasm-simd"
    ? `WebAssembly 128-bit SIMD distance kernels (Node ${process.versions.node}, V8 ${process.versions.v8})`
    : `JavaScript distance kernels (NEEDSCAPE_DISTANCE_KERNELS=js or no WebAssembly SIMD; Node ${process.versions.node})`;
}

function load(): string {
  return loadavg().map((v) => v.toFixed(2)).join(", ");
}

type PerK = Record<string, { wss: number; silhouette: number }>;

function sweepPart(dir: string, list: Peer[]): void {
  const rows = 100_000;
  const cols = 30;
  const data = gaussianMixture(20260601, rows, cols);
  const matrix = createMatrix(data, rows, cols);
  const path = writeRaw(dir, data);
  console.log(`\nSweep k = 2..8 × 10 restarts + silhouette on a 2,000 sample, ${rows.toLocaleString("en")} × ${cols}, ${REPEATS} alternating runs, one thread each`);
  console.log(`  ours: ${ourKernels()}; load average before: ${load()}`);
  const sides = ["ours", ...list.map((p) => p.name)];
  const times: Record<string, number[]> = Object.fromEntries(sides.map((s) => [s, []]));
  const quality: Record<string, PerK> = {};
  for (let r = 0; r < REPEATS; r++) {
    // Rotate who goes first, so a load spike does not always land on the same side.
    const order = sides.map((_, i) => sides[(i + r) % sides.length]);
    for (const side of order) {
      if (side === "ours") {
        const started = performance.now();
        const result = runSweep(matrix, { kMin: 2, kMax: 8, restarts: 10, seed: r + 1, bootstraps: 0, silhouetteSample: 2000 });
        times.ours.push((performance.now() - started) / 1000);
        quality.ours = Object.fromEntries(result.perK.map((p) => [String(p.k), { wss: p.totalWithinSS, silhouette: p.silhouette }]));
      } else {
        const peer = list.find((p) => p.name === side)!;
        const result = sklearn(peer, ["sweep", path, rows, cols, 2, 8, 10, 2000]) as { seconds: number; perK: PerK };
        times[side].push(result.seconds);
        quality[side] = result.perK;
      }
    }
    console.log(`  run ${r + 1}: ${sides.map((s) => `${s === "ours" ? "ours" : `scikit-learn ${s}`} ${times[s][r].toFixed(2)} s`).join(", ")} (load ${load()})`);
  }
  console.log(`  k  within-SS ours / ${list.map((p) => p.name).join(" / ")} (ratio to each)   silhouette ours / ${list.map((p) => p.name).join(" / ")}`);
  for (let k = 2; k <= 8; k++) {
    const a = quality.ours[String(k)];
    const others = list.map((p) => quality[p.name][String(k)]);
    console.log(
      `  ${k}  ${a.wss.toFixed(0)} / ${others.map((b) => b.wss.toFixed(0)).join(" / ")} (${others.map((b) => (a.wss / b.wss).toFixed(4)).join(", ")})   ${a.silhouette.toFixed(3)} / ${others.map((b) => b.silhouette.toFixed(3)).join(" / ")}`,
    );
  }
  for (const peer of list) {
    const theirs = times[peer.name];
    const ratio = median(times.ours) / median(theirs);
    // Each run pairs the two sides under about the same load; the median of those ratios is the steadier figure.
    const paired = median(times.ours.map((t, r) => t / theirs[r]));
    const bar = peer.name === "current" ? ` (bar ≤ 1.0×) ${Math.max(ratio, paired) <= 1.0 ? "PASS" : "FAIL"}` : "";
    console.log(`  vs ${peer.name} (${peer.label}): ours ${median(times.ours).toFixed(2)} s, scikit-learn ${median(theirs).toFixed(2)} s → ratio ${ratio.toFixed(2)}×; median of paired ratios ${paired.toFixed(2)}×${bar}`);
  }
  console.log(`  load average after: ${load()}`);
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

function memoryPart(dir: string, peer: Peer): void {
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
  const theirs = sklearn(peer, ["fit", rawPath, 1_000_000, 30, 8]) as { seconds: number; peakRss: number; rssAfterLoad: number };
  console.log(`  scikit-learn ${peer.name}: ${theirs.seconds.toFixed(2)} s, peak RSS ${(theirs.peakRss / MiB).toFixed(0)} MiB (${(theirs.rssAfterLoad / MiB).toFixed(0)} MiB after loading the data)`);
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
  console.log(`  1 thread ${oneThread.toFixed(1)} s, 2 worker threads ${twoThreads.toFixed(1)} s (speed-up ${(oneThread / twoThreads).toFixed(2)}×; bar < 5 s on two threads ${twoThreads < 5 ? "PASS" : "FAIL"}), identical results: ${same} (load ${load()})`);
  for (const p of single.perK) {
    const s = p.stability!.ariSummary;
    console.log(`  k = ${p.k}: median ARI ${s.median.toFixed(3)} (q1 ${s.q1.toFixed(3)}, q3 ${s.q3.toFixed(3)})`);
  }
}

async function main(): Promise<void> {
  if (process.argv.includes("--fit-child")) return fitChild();
  const dir = mkdtempSync(join(tmpdir(), "needscape-bench-"));
  try {
    const list = PARTS.has("sweep") || PARTS.has("memory") ? peers() : [];
    if (PARTS.has("sweep")) sweepPart(dir, list);
    if (PARTS.has("memory")) memoryPart(dir, list[0]);
    if (PARTS.has("stability")) await stabilityPart();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
