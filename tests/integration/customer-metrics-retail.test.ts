import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { customerMetrics } from "@/db/schema";
import { computeCustomerMetrics } from "@/lib/customers/metrics/compute-customer-metrics";
import { quintileScores } from "@/lib/customers/metrics/scoring";
import { createStudyFixture } from "@/tests/helpers/factories";
import { loadRetailLog, RETAIL_LOG_CANDIDATES } from "@/tests/helpers/retail-log";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

const FILE = RETAIL_LOG_CANDIDATES.find((f) => existsSync(f));
// Runs on both databases: loading the 541,909 lines takes ~20 s into PGlite and ~10 s into PostgreSQL here.
describe.each(testDatabaseKinds())("RFM on the full retail log (%s)", (dbKind) => {
  const t = useTestDatabase(dbKind);

  it("matches the published totals after the standard cleaning, and the SQL scores equal the reference rule", { timeout: 300_000 }, async () => {
    expect(FILE, "online_retail_full.csv.gz in db/seed/data").toBeDefined();
    const { workspace, study } = await createStudyFixture(t.db);
    expect(await loadRetailLog(t.handle, { workspaceId: workspace.id, file: FILE! })).toBe(541_909);
    const started = performance.now();
    const { snapshotId, summary } = await computeCustomerMetrics(t.db, { workspaceId: workspace.id, studyId: study.id });
    const elapsed = performance.now() - started;
    console.info(`RFM + value + snapshot for ${summary.buyers} customers on ${dbKind}: ${elapsed.toFixed(0)} ms`);
    expect(summary).toMatchObject({ referenceDate: "2011-12-10", invoices: 18_532, buyers: 4_338, customers: 4_338 });
    expect(summary.revenue).toBeCloseTo(8_911_407.9, 2);

    const rows = await t.db.select().from(customerMetrics).where(eq(customerMetrics.snapshotId, snapshotId));
    expect(rows).toHaveLength(4_338);
    const expected = {
      r: quintileScores(rows.map((r) => r.recencyDays!), { method: "lower", reverse: true }),
      f: quintileScores(rows.map((r) => r.frequency), { method: "lower" }),
      m: quintileScores(rows.map((r) => Number(r.monetary)), { method: "lower" }),
    };
    expect(rows.map((r) => r.recencyScore)).toEqual(expected.r);
    expect(rows.map((r) => r.frequencyScore)).toEqual(expected.f);
    expect(rows.map((r) => r.monetaryScore)).toEqual(expected.m);
    // Ties share a score: every distinct frequency maps to exactly one F score.
    const byFrequency = new Map<number, Set<number>>();
    for (const r of rows) byFrequency.set(r.frequency, (byFrequency.get(r.frequency) ?? new Set()).add(r.frequencyScore!));
    expect([...byFrequency.values()].every((scores) => scores.size === 1)).toBe(true);
    expect(rows.every((r) => r.rfmSegment !== null)).toBe(true);
  });
});
