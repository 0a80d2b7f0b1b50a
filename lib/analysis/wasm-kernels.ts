/**
 * The WebAssembly SIMD distance kernels (source: wasm/distance-kernels.as.ts), instantiated once per
 * thread. `null` when the runtime lacks WebAssembly 128-bit SIMD or `setDistanceKernels("js")`
 * forced the JavaScript kernels; callers then use those, with bit-identical results. No I/O and no
 * environment access here (lib/analysis stays safe to bundle for the browser): the server applies
 * NEEDSCAPE_DISTANCE_KERNELS from lib/env.ts through `setDistanceKernels` (see sweep-workers.ts).
 */
import { DISTANCE_KERNELS_WASM } from "./wasm/distance-kernels.wasm";

export type DistanceKernelsSetting = "auto" | "js";

let setting: DistanceKernelsSetting = "auto";

/** "auto" (default): WebAssembly SIMD where available; "js": the JavaScript kernels. Per thread. */
export function setDistanceKernels(value: DistanceKernelsSetting): void {
  setting = value;
}

export function distanceKernels(): DistanceKernelsSetting {
  return setting;
}

export interface WasmKernels {
  memory: WebAssembly.Memory;
  /** See distance-kernels.as.ts: byte offsets into `memory`. */
  distances(rows: number, count: number, d: number, centres: number, pairs: number, out: number): void;
  distancesOfIndexed(data: number, indices: number, count: number, d: number, centres: number, pairs: number, out: number): void;
}

let loaded: WasmKernels | null | undefined;

function load(): WasmKernels | null {
  const bytes = decodeBase64(DISTANCE_KERNELS_WASM);
  // validate() is false where SIMD (or WebAssembly) is unavailable; then the JavaScript kernels serve.
  if (typeof WebAssembly !== "object" || !WebAssembly.validate(bytes)) return null;
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    const exports = instance.exports as unknown as WasmKernels;
    return { memory: exports.memory, distances: exports.distances, distancesOfIndexed: exports.distancesOfIndexed };
  } catch {
    return null;
  }
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The kernels of this thread, or null when the JavaScript kernels must be used (read per call, so the setting can change). */
export function wasmKernels(): WasmKernels | null {
  if (setting === "js") return null;
  if (loaded === undefined) loaded = load();
  return loaded;
}

/** Whether this runtime can run the WebAssembly kernels at all (whatever the setting). */
export function wasmSimdSupported(): boolean {
  if (loaded === undefined) loaded = load();
  return loaded !== null;
}
