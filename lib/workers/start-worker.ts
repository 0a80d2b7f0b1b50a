import { join } from "node:path";
import { pathToFileURL } from "node:url";

// Taken from the running Node and constructed through Reflect: Turbopack treats a literal `new Worker(path)`
// of an imported worker_threads as a worker entry and tries to bundle boot.mjs with tsx and esbuild's binary,
// which fails the build of any route that can reach a job handler. Workers load the source tree at run time.
const { Worker } = process.getBuiltinModule("node:worker_threads");
type Worker = InstanceType<typeof Worker>;

/**
 * Starts a worker thread running `lib/<entry>.ts` (path relative to the project root, e.g.
 * "lib/analysis/sweep.worker.ts"). Paths come from the working directory rather than import.meta,
 * because Next bundles server code into .next/ while the worker modules stay in the source tree.
 */
export function startWorker(entry: string, data: Record<string, unknown> = {}, transferList: Transferable[] = []): Worker {
  const root = process.env.NEEDSCAPE_ROOT ?? process.cwd();
  return Reflect.construct(Worker, [
    join(root, "lib/workers/boot.mjs"),
    { workerData: { ...data, entry: pathToFileURL(join(root, entry)).href, tsconfig: join(root, "tsconfig.json") }, transferList: transferList as never },
  ]) as Worker;
}
