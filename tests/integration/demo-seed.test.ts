import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { latestMetricSnapshot } from "@/db/queries/customer-metrics";
import { respondentCustomerMetrics } from "@/db/queries/respondent-customer-metrics";
import { DATASETS } from "@/lib/datasets";
import { listPersonasOfStudy } from "@/db/queries/personas";
import { findMembershipBySlug } from "@/db/queries/workspaces";
import { findUserCredentials } from "@/db/queries/users";
import { verifyCredentials } from "@/lib/accounts/sign-in";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/db/seed/seed-demo";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

/** The slice's lines with a customer id: each is a usage event (a product bought on the invoice's day). */
function linesWithCustomer(file: string): number {
  const [, ...lines] = gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n");
  // The customer id is the second field from the end; only the description holds quoted commas.
  return lines.filter((line) => line.split(",").at(-2)!.trim() !== "").length;
}

/** The first lines of the retail log, gzipped: the demo's import path on a file small enough for a test. */
function retailSlice(lines: number): string {
  const text = gunzipSync(readFileSync(DATASETS.onlineRetail)).toString("utf8").split("\n").slice(0, lines).join("\n");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "needscape-demo-")), "retail-slice.csv.gz");
  writeFileSync(file, gzipSync(`${text}\n`));
  return file;
}

describe.each(testDatabaseKinds())("demo seed on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("builds the vacation-motives workspace with segments and published personas, once", async () => {
    const slice = retailSlice(4000);
    const result = await seedDemo(t.db, { respondents: 300, transactionsFile: slice });
    expect(result.created).toBe(true);
    if (!result.created) return;
    expect(result.respondents).toBe(300);
    const user = await verifyCredentials(t.db, { email: DEMO_USERS.researcher.email, password: DEMO_PASSWORD });
    expect(user).toBeDefined();
    const viewer = (await findUserCredentials(t.db, { email: DEMO_USERS.viewer.email }))!;
    expect(await findMembershipBySlug(t.db, { userId: viewer.id, slug: result.workspaceSlug })).toMatchObject({ role: "viewer" });
    const membership = (await findMembershipBySlug(t.db, { userId: user!.id, slug: result.workspaceSlug }))!;
    const personas = await listPersonasOfStudy(t.db, { workspaceId: membership.id, studyId: result.studyId, publishedOnly: true });
    expect(personas).toHaveLength(6);
    expect(new Set(personas.map((p) => p.name.toLowerCase())).size).toBe(6);
    // The retail slice went through the importer and the metrics job; nine in ten respondents are its customers.
    expect(result.transactions).toBe(3999);
    const snapshot = await latestMetricSnapshot(t.db, { workspaceId: membership.id, studyId: result.studyId });
    expect(snapshot).toBeDefined();
    // The same slice is the workspace's usage (lines without a customer are reported, not imported), so every customer has a tier.
    expect(result.usageEvents).toBe(linesWithCustomer(slice));
    const summary = snapshot!.summary!;
    expect(summary.hasUsage).toBe(true);
    expect(Object.values(summary.tiers).reduce((sum, n) => sum + n, 0)).toBe(summary.customers);
    const matched = await respondentCustomerMetrics(t.db, { workspaceId: membership.id, studyId: result.studyId });
    expect(matched.length).toBe(270);
    expect((await seedDemo(t.db)).created).toBe(false);
  });
});
