import path from "node:path";
import { describe, expect, it } from "vitest";
import { customerPage, respondentJoin, rfGrid, segmentSummary } from "@/db/queries/customer-metric-views";
import { saveMetricSettings } from "@/db/queries/customer-metrics";
import { respondentCustomerMetrics } from "@/db/queries/respondent-customer-metrics";
import { enqueueJob, getJob } from "@/db/queries/jobs";
import { customerMetrics, customers, usageEvents } from "@/db/schema";
import { eq } from "drizzle-orm";
import { computeCustomerMetrics } from "@/lib/customers/metrics/compute-customer-metrics";
import { defaultRfmMap } from "@/lib/customers/metrics/rfm-map";
import { defaultCustomerMetricSettings } from "@/lib/customers/metrics/schemas";
import { jobHandlers } from "@/lib/jobs/job-handlers";
import { JOB_KINDS } from "@/lib/jobs/job-kinds";
import { runNextJob } from "@/lib/jobs/run-next-job";
import { createPublishedSurvey, createStudy, createStudyFixture, submitSurveyResponse } from "@/tests/helpers/factories";
import { loadRetailLog } from "@/tests/helpers/retail-log";
import { plannerEstimate } from "@/tests/helpers/planner-statistics";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

const SMALL = path.resolve("tests/fixtures/customer-metrics-small.csv");

async function metricsById(db: Parameters<typeof computeCustomerMetrics>[0], snapshotId: string) {
  const rows = await db.select().from(customerMetrics).where(eq(customerMetrics.snapshotId, snapshotId));
  return Object.fromEntries(rows.map((row) => [row.customerExternalId, row]));
}

describe.each(testDatabaseKinds())("customer metrics on %s", (dbKind) => {
  const t = useTestDatabase(dbKind);

  it("computes exact RFM, value and scores on the hand-made file with ties and edge cases", async () => {
    const { workspace, study } = await createStudyFixture(t.db);
    expect(await loadRetailLog(t.handle, { workspaceId: workspace.id, file: SMALL })).toBe(15);
    // A customer known only from the customer file: a row without purchases or scores.
    await t.db.insert(customers).values({ workspaceId: workspace.id, externalId: "10008", attributes: { region: "North" } });

    const { snapshotId, summary } = await computeCustomerMetrics(t.db, { workspaceId: workspace.id, studyId: study.id });
    const statistics = await plannerEstimate(t.db, "customer_metrics");
    expect(statistics.estimate).toBe(statistics.rows);
    // The no-customer line on 12 Dec is cleaned away, so the reference date is the day after 9 Dec.
    expect(summary).toMatchObject({ referenceDate: "2011-12-10", customers: 7, buyers: 6, invoices: 9, lines: 10, revenue: 210, churned: 2, hasUsage: false });
    expect(summary.arpu).toEqual({ months: 12, periodRevenue: 200, activeCustomers: 5, value: 200 / 5 / 12 });

    const m = await metricsById(t.db, snapshotId);
    const pick = (id: string) => {
      const row = m[id]!;
      return [row.recencyDays, row.frequency, Number(row.monetary), row.recencyScore, row.frequencyScore, row.monetaryScore, row.rfmSegment, Number(row.averageOrderValue), row.churned];
    };
    // Ties: B and C share recency 1 (R 5); A, C, D, G share frequency 1 (F 1); A and G share 10, B and D share 60.
    expect(pick("10001")).toEqual([9, 1, 10, 4, 1, 1, "promising", 10, false]);
    expect(pick("10002")).toEqual([1, 3, 60, 5, 5, 5, "champions", 20, false]);
    expect(pick("10003")).toEqual([1, 1, 40, 5, 1, 4, "potential_loyalist", 40, false]);
    expect(pick("10004")).toEqual([70, 1, 60, 3, 1, 5, "need_attention", 60, false]);
    expect(pick("10005")).toEqual([191, 2, 30, 2, 5, 3, "at_risk", 15, true]);
    expect(pick("10007")).toEqual([374, 1, 10, 1, 1, 1, "lost", 10, true]);
    expect(m["10006"]).toBeUndefined(); // only a cancellation
    expect(m["10008"]).toMatchObject({ frequency: 0, recencyScore: null, rfmSegment: null, churned: null });
    expect(m["10002"]!.firstPurchaseAt?.toISOString()).toBe("2011-11-09T11:30:00.000Z");
    expect(Number(m["10001"]!.arpu)).toBeCloseTo(10 / 12, 4);
    expect(summary.bands.f).toEqual([
      { score: 1, min: 1, max: 1, count: 4 },
      { score: 5, min: 2, max: 3, count: 2 },
    ]);

    const segments = await segmentSummary(t.db, { workspaceId: workspace.id, snapshotId });
    expect(segments.find((s) => s.segment === "champions")).toMatchObject({ customers: 1, revenue: 60 });
    const grid = await rfGrid(t.db, { workspaceId: workspace.id, snapshotId });
    expect(grid.find((c) => c.r === 5 && c.f === 1)).toMatchObject({ customers: 1, revenue: 40, avgM: 4 });
  });

  it("applies the upper tie rule, settings changes, cleaning switches and usage tiers", async () => {
    const { workspace, study } = await createStudyFixture(t.db);
    await loadRetailLog(t.handle, { workspaceId: workspace.id, file: SMALL });
    const day = (d: string) => new Date(`${d}T12:00:00Z`);
    const events = [
      ...Array.from({ length: 20 }, (_, i) => ({ cid: "10001", at: day(`2011-11-${String(11 + i).padStart(2, "0")}`) })),
      ...Array.from({ length: 5 }, (_, i) => ({ cid: "10002", at: day(`2011-12-0${1 + i}`) })),
      { cid: "10003", at: day("2011-11-30") },
      { cid: "10004", at: day("2011-10-26") },
    ];
    await t.db.insert(usageEvents).values(events.map((e, i) => ({ workspaceId: workspace.id, eventKey: `e${i}`, customerExternalId: e.cid, occurredAt: e.at })));

    const settings = defaultCustomerMetricSettings();
    const map = { ...defaultRfmMap(), "555": "loyal" as const };
    await saveMetricSettings(t.db, {
      workspaceId: workspace.id,
      studyId: study.id,
      settings: { ...settings, scoreMethod: "upper", churnDays: 200, rfmMap: map },
    });
    const { snapshotId, summary } = await computeCustomerMetrics(t.db, { workspaceId: workspace.id, studyId: study.id });
    const m = await metricsById(t.db, snapshotId);
    // Upper rule (cume_dist): the four one-order customers share F 4.
    expect([m["10001"]!.frequencyScore, m["10002"]!.frequencyScore, m["10005"]!.frequencyScore]).toEqual([4, 5, 5]);
    expect([m["10007"]!.recencyScore, m["10005"]!.recencyScore, m["10004"]!.recencyScore, m["10001"]!.recencyScore, m["10002"]!.recencyScore]).toEqual([1, 2, 3, 4, 5]);
    expect(m["10002"]!.rfmSegment).toBe("loyal");
    expect(summary.churned).toBe(1);
    expect(Object.fromEntries(Object.values(m).map((row) => [row.customerExternalId, row.engagementTier]))).toEqual({
      "10001": "power",
      "10002": "active",
      "10003": "casual",
      "10004": "dormant",
      "10005": "dormant",
      "10007": "dormant",
    });
    expect(summary.tiers).toEqual({ power: 1, active: 1, casual: 1, dormant: 3 });

    // Cancellations and non-positive lines kept: net spend drops, D's negative line counts as an order,
    // F (only a cancellation) appears with no orders and no score.
    await saveMetricSettings(t.db, {
      workspaceId: workspace.id,
      studyId: study.id,
      settings: { ...settings, cleaning: { excludeCancellations: false, excludeNonPositive: false, excludeMissingCustomer: true } },
    });
    const loose = await computeCustomerMetrics(t.db, { workspaceId: workspace.id, studyId: study.id });
    const lm = await metricsById(t.db, loose.snapshotId);
    expect(Number(lm["10003"]!.monetary)).toBe(30);
    expect([lm["10004"]!.frequency, Number(lm["10004"]!.monetary)]).toEqual([2, 53]);
    expect(lm["10006"]).toMatchObject({ frequency: 0, recencyScore: null, churned: false, recencyDays: 9 });
    expect(loose.summary).toMatchObject({ referenceDate: "2011-12-10", invoices: 10, revenue: 210 - 10 - 7 - 5 });

    // A fixed reference date in the past ignores later transactions.
    await saveMetricSettings(t.db, { workspaceId: workspace.id, studyId: study.id, settings: { ...settings, referenceDate: "2011-07-01" } });
    const early = await computeCustomerMetrics(t.db, { workspaceId: workspace.id, studyId: study.id });
    expect(early.summary).toMatchObject({ referenceDate: "2011-07-01", buyers: 2, invoices: 3, revenue: 40 });
  });

  it("joins respondents by customer id and serves their metrics as descriptors", async () => {
    const { workspace, study } = await createStudyFixture(t.db);
    await loadRetailLog(t.handle, { workspaceId: workspace.id, file: SMALL });
    const survey = await createPublishedSurvey(t.db, { workspaceId: workspace.id, studyId: study.id });
    const answers = { q1: { s1: 4, s2: 2, s3: 5 }, q2: 1 };
    const ids: Record<string, string> = {};
    for (const customerId of ["10001", "10002", "99999", ""]) {
      ids[customerId || "none"] = (await submitSurveyResponse(t.db, { publicId: survey.publicId, answers, ...(customerId ? { customerId } : {}) })).responseId;
    }
    // Another study's respondent never counts here.
    const other = await createStudy(t.db, { workspaceId: workspace.id, name: "Other" });
    const otherSurvey = await createPublishedSurvey(t.db, { workspaceId: workspace.id, studyId: other.id });
    await submitSurveyResponse(t.db, { publicId: otherSurvey.publicId, answers, customerId: "10003" });

    // Recompute through the job, as an import would: no study id = every study of the workspace.
    const job = await enqueueJob(t.db, { workspaceId: workspace.id, kind: JOB_KINDS.customerMetrics, payload: { reason: "import" } });
    await runNextJob(t.db, { instanceId: "test", handlers: jobHandlers });
    const done = await getJob(t.db, { workspaceId: workspace.id, jobId: job.id });
    expect(done?.status).toBe("succeeded");
    const snapshots = (done!.result as { snapshots: { studyId: string; snapshotId: string }[] }).snapshots;
    expect(snapshots.map((s) => s.studyId).sort()).toEqual([study.id, other.id].sort());
    const snapshotId = snapshots.find((s) => s.studyId === study.id)!.snapshotId;

    const join = await respondentJoin(t.db, { workspaceId: workspace.id, studyId: study.id, snapshotId });
    expect(join).toMatchObject({ responses: 4, withCustomerId: 3, matched: 2, unmatched: [{ customerId: "99999", responses: 1 }], customersWithoutResponse: 4 });
    expect(join.customersWithoutResponseSample.map((c) => c.customerId)).toEqual(["10004", "10003", "10005", "10007"]);

    const descriptors = await respondentCustomerMetrics(t.db, { workspaceId: workspace.id, studyId: study.id });
    expect(descriptors.map((d) => [d.responseId, d.customerId, d.rfmSegment, d.frequency, d.lifetimeSpend])).toEqual([
      [ids["10001"], "10001", "promising", 1, 10],
      [ids["10002"], "10002", "champions", 3, 60],
    ]);
    expect(await respondentCustomerMetrics(t.db, { workspaceId: workspace.id, studyId: study.id, responseIds: [ids["10002"]!] })).toHaveLength(1);
    // Another workspace sees nothing of this one.
    const stranger = await createStudyFixture(t.db);
    expect(await respondentCustomerMetrics(t.db, { workspaceId: stranger.workspace.id, studyId: study.id })).toEqual([]);
  });

  it("pages the customer table by keyset with search and filters", async () => {
    const { workspace, study } = await createStudyFixture(t.db);
    await loadRetailLog(t.handle, { workspaceId: workspace.id, file: SMALL });
    const { snapshotId } = await computeCustomerMetrics(t.db, { workspaceId: workspace.id, studyId: study.id });
    const key = { workspaceId: workspace.id, snapshotId };
    const first = await customerPage(t.db, { ...key, limit: 4 });
    expect(first.total).toBe(6);
    expect(first.customers.map((c) => c.customerId)).toEqual(["10004", "10002", "10003", "10005"]);
    const second = await customerPage(t.db, { ...key, limit: 4, after: first.nextCursor! });
    expect(second.customers.map((c) => c.customerId)).toEqual(["10007", "10001"]);
    expect(second.nextCursor).toBeNull();
    expect((await customerPage(t.db, { ...key, limit: 10, q: "1000" })).total).toBe(6);
    expect((await customerPage(t.db, { ...key, limit: 10, q: "10007" })).customers.map((c) => c.customerId)).toEqual(["10007"]);
    expect((await customerPage(t.db, { ...key, limit: 10, segment: "at_risk" })).customers.map((c) => c.customerId)).toEqual(["10005"]);
    const stranger = await createStudyFixture(t.db);
    expect((await customerPage(t.db, { workspaceId: stranger.workspace.id, snapshotId, limit: 10 })).total).toBe(0);
  });
});
