// `next start` in several worker processes sharing one port (node:cluster), so one machine's cores
// all serve requests. Plain JavaScript so the primary needs no TypeScript loader. Only for
// PostgreSQL: the app keeps no state in the process, exactly as with instances behind a load
// balancer; PGlite is one process's database and scripts/next-server.ts refuses it here.
// Usage: node scripts/next-cluster.mjs <instances> <port> [node flags for the workers…]
import cluster from "node:cluster";
import path from "node:path";

const [instances, port, ...workerNodeArgs] = process.argv.slice(2);
const count = Math.max(1, Number(instances) || 1);
cluster.setupPrimary({ exec: path.resolve("node_modules/next/dist/bin/next"), args: ["start", "-p", String(port), "--keepAliveTimeout", "65000"], execArgv: workerNodeArgs }); // keep-alive: see KEEP_ALIVE_MS in next-server.ts

let stopping = false;
const startedAt = new Map();
const fork = () => startedAt.set(cluster.fork().id, Date.now());

cluster.on("exit", (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  // A worker that dies at once (port taken, bad build) would die again: stop instead of looping.
  if (Date.now() - (startedAt.get(worker.id) ?? 0) < 10_000) {
    console.error(`App server worker ${worker.process.pid} exited during start-up (${signal ?? code}); stopping.`);
    stopping = true;
    for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
    process.exitCode = 1;
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
    return;
  }
  console.error(`App server worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
  fork();
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill(signal);
  });
}

for (let i = 0; i < count; i++) fork();
