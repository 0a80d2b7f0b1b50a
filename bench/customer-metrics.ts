// Benchmark: customer metrics (RFM + value + tiers + snapshot write) on PostgreSQL, for the full retail
// log (4,338 customers) and for a synthetic base of 100,000 customers, plus the customer table's page,
// search and filter queries at 100k. Loads data with COPY into a temporary database, dropped afterwards.
// Run: npx tsx bench/customer-metrics.ts   (BENCH_DATABASE_URL, BENCH_RUNS, BENCH_SYNTHETIC_CUSTOMERS)
import { existsSync } from "node:fs";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { customerPage } from "@/db/queries/customer-metric-views";
import { signUp } from "@/lib/accounts/sign-up";
import { computeCustomerMetrics } from "@/lib/customers/metrics/compute-customer-metrics";
import { createStudy } from "@/lib/studies/create-study";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { loadRetailLog, RETAIL_LOG_CANDIDATES } from "../tests/helpers/retail-log";
import { formatMs } from "./lib/stats";
import { createTemporaryDatabase } from "./lib/temporary-database";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SYNTHETIC = Number(process.env.BENCH_SYNTHETIC_CUSTOMERS ?? 100_000);

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function newStudy(db: Database, label: string) {
  const owner = await signUp(db, { name: "Bench", email: `bench-${label}-${Date.now()}@example.test`, password: "correct-horse-42" });
  const workspace = await createWorkspace(db, { ownerId: owner.id, input: { name: `Bench ${label}` } });
  const study = await createStudy(db, { workspaceId: workspace.id, input: { name: "Bench study", description: "" } });
  return { workspaceId: workspace.id, studyId: study.id };
}

async function computeRuns(db: Database, key: { workspaceId: string; studyId: string }) {
  const times: number[] = [];
  let customers = 0;
  for (let i = 0; i < RUNS; i++) {
    const [result, ms] = await time(() => computeCustomerMetrics(db, key));
    customers = result.summary.buyers;
    times.push(ms);
  }
  return { customers, first: times[0]!, median: median(times) };
}

async function main() {
  const file = RETAIL_LOG_CANDIDATES.find((f) => existsSync(f));
  if (!file) throw new Error("online_retail_full.csv.gz not found in db/seed/data");
  const temp = await createTemporaryDatabase(ADMIN_URL);
  const handle = openDatabase({ kind: "postgres", url: temp.url });
  try {
    await migrateDatabase(handle);
    const db = handle.db;

    const retail = await newStudy(db, "retail");
    const [lines, loadMs] = await time(() => loadRetailLog(handle, { workspaceId: retail.workspaceId, file }));
    await db.execute(sql`analyze transactions`);
    console.log(`Retail log: ${lines.toLocaleString("en")} lines COPYed in ${formatMs(loadMs)}`);
    const r = await computeRuns(db, retail);
    console.log(`Metrics for ${r.customers.toLocaleString("en")} customers: first ${formatMs(r.first)}, median of ${RUNS} ${formatMs(r.median)} (aim < 2 s)`);

    // Synthetic base: SYNTHETIC customers with 1–12 orders of 1–3 lines each over two years.
    const big = await newStudy(db, "synthetic");
    const [, genMs] = await time(() =>
      db.execute(sql`
        insert into transactions (workspace_id, line_key, customer_external_id, order_id, occurred_at, quantity, unit_price, amount, is_cancellation)
        select ${big.workspaceId}::uuid, 'S' || c || '-' || o || '-' || l, 'C' || lpad(c::text, 7, '0'), c || '-' || o,
          timestamptz '2024-01-01' + ((c * 7919 + o * 104729) % 730) * interval '1 day',
          1 + (c + l) % 4, 2.5, (1 + (c + l) % 4) * 2.5, false
        from generate_series(1, ${SYNTHETIC}::int) c, generate_series(1, 1 + (c * 31) % 12) o, generate_series(1, 1 + (c + o) % 3) l`),
    );
    await db.execute(sql`analyze transactions`);
    const [count] = (await db.execute(sql`select count(*)::int as n from transactions where workspace_id = ${big.workspaceId}`)) as unknown as { n: number }[];
    console.log(`Synthetic: ${count!.n.toLocaleString("en")} lines for ${SYNTHETIC.toLocaleString("en")} customers generated in ${formatMs(genMs)}`);
    const s = await computeRuns(db, big);
    console.log(`Metrics for ${s.customers.toLocaleString("en")} customers: first ${formatMs(s.first)}, median of ${RUNS} ${formatMs(s.median)}`);

    const [{ snapshotId }] = (await db.execute(
      sql`select id as "snapshotId" from customer_metric_snapshots where study_id = ${big.studyId} order by computed_at desc limit 1`,
    )) as unknown as { snapshotId: string }[];
    const key = { workspaceId: big.workspaceId, snapshotId: snapshotId! };
    const [first, firstMs] = await time(() => customerPage(db, { ...key, limit: 50 }));
    let cursor = first.nextCursor;
    for (let i = 0; i < 200 && cursor; i++) cursor = (await customerPage(db, { ...key, limit: 50, after: cursor })).nextCursor;
    const [, deepMs] = await time(() => customerPage(db, { ...key, limit: 50, after: cursor ?? undefined }));
    const [, searchMs] = await time(() => customerPage(db, { ...key, limit: 50, q: "C00123" }));
    const [, filterMs] = await time(() => customerPage(db, { ...key, limit: 50, segment: "at_risk" }));
    console.log(
      `Customer table at ${first.total.toLocaleString("en")}: first page ${formatMs(firstMs)}, page 202 ${formatMs(deepMs)}, id search ${formatMs(searchMs)}, segment filter ${formatMs(filterMs)} (each with its total count)`,
    );
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP === "1") console.log(`Kept ${temp.url}`);
    else await temp.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
