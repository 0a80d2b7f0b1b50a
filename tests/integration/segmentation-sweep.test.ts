import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { getJob, requestJobCancel } from "@/db/queries/jobs";
import { listSegmentMembership } from "@/db/queries/segmentations";
import { analysisRuns, customerMetrics, customerMetricSnapshots, responses, segmentAssignments, segmentations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { JobHandler } from "@/lib/jobs/job-context";
import { jobHandlers } from "@/lib/jobs/job-handlers";
import { JOB_KINDS } from "@/lib/jobs/job-kinds";
import { runNextJob } from "@/lib/jobs/run-next-job";
import { exploreDataset } from "@/lib/segmentation/dataset/explore";
import { listDatasetOptions, loadAnalysisDataset } from "@/lib/segmentation/dataset/load-dataset";
import { ZStartSweepInput } from "@/lib/segmentation/dataset/schemas";
import { getSegmentation } from "@/lib/segmentation/get-segmentation";
import { getAnalysisRun, listStudyRuns } from "@/lib/segmentation/sweep/get-run";
import { saveRunSolution } from "@/lib/segmentation/sweep/save-run-solution";
import { startSweep } from "@/lib/segmentation/sweep/start-sweep";
import { runSegmentationSweepJob } from "@/lib/segmentation/sweep/sweep-job";
import { createStudyFixture } from "@/tests/helpers/factories";
import { BATTERY_ID, createBatterySurvey, insertBatteryResponses, STATEMENT_IDS, twoGroupAnswers } from "@/tests/helpers/segment-fixtures";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

const BASIS = STATEMENT_IDS.map((id) => `${BATTERY_ID}.${id}`);

async function seededStudy(db: Database, sizes: [number, number] = [60, 40]) {
  const { owner, workspace, study } = await createStudyFixture(db);
  const { surveyId, versionId } = await createBatterySurvey(db, { workspaceId: workspace.id, studyId: study.id });
  const rows = twoGroupAnswers(...sizes);
  const responseIds = await insertBatteryResponses(db, { workspaceId: workspace.id, surveyId, versionId, rows, customerIds: rows.map((_, i) => `cust-${i}`) });
  return { owner, workspace, study, surveyId, versionId, responseIds, base: { workspaceId: workspace.id, studyId: study.id } };
}

const sweepInput = (surveyId: string, overrides: Record<string, unknown> = {}) =>
  ZStartSweepInput.parse({ surveyId, basis: BASIS, descriptors: ["gender"], kMin: 2, kMax: 4, restarts: 3, bootstraps: 4, seed: 7, ...overrides });

const runJobs = (db: Database, handlers = jobHandlers) => runNextJob(db, { instanceId: "test", handlers, progressThrottleMs: 0 });

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], field?: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (field) expect(Object.keys((error as AppError).fieldErrors ?? {})).toContain(field);
}

describe.each(testDatabaseKinds())("segmentation sweep on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("runs a sweep as a job, stores per-k results and a recommendation, and saves the chosen k", async () => {
    const db = t.db;
    const { base, surveyId, owner, responseIds } = await seededStudy(db);
    const started = await startSweep(db, { ...base, userId: owner.id, input: sweepInput(surveyId) });
    expect(started.respondentCount).toBe(100);
    const queued = await getAnalysisRun(db, { workspaceId: base.workspaceId, runId: started.id });
    expect(queued).toMatchObject({ status: "queued", results: null, respondentCount: 100, config: { basis: BASIS, kMax: 4, bootstraps: 4 } });

    const ran = await runJobs(db);
    expect(ran?.id).toBe(started.jobId);
    const job = await getJob(db, { workspaceId: base.workspaceId, jobId: started.jobId });
    expect(job).toMatchObject({ status: "succeeded", result: { runId: started.id, recommendedK: 2 }, progress: { done: 15, total: 15, unit: "steps" } });
    const run = (await getAnalysisRun(db, { workspaceId: base.workspaceId, runId: started.id }))!;
    const results = run.results!;
    expect(run.status).toBe("succeeded");
    expect(results.ks.map((entry) => entry.k)).toEqual([2, 3, 4]);
    expect(results.ks.every((entry) => entry.ari.length === 4)).toBe(true);
    expect(results.ks[0]!.segments.map((segment) => segment.size)).toEqual([60, 40]);
    expect(results.ks[0]!.ariSpread!.min).toBeGreaterThan(0.95);
    expect(results.ks[0]!.segments.every((segment) => segment.jaccardMedian! > 0.95)).toBe(true);
    expect(results.ks[1]!.withinSS).toBeLessThan(results.ks[0]!.withinSS);
    // lib/analysis's rule: two clean groups are the most stable k, with excellent stability.
    expect(results.recommendation).toMatchObject({ k: 2, reasons: expect.arrayContaining([{ code: "most-stable", medianAri: 1, level: "excellent" }]) });
    expect(results.settings).toMatchObject({ kMin: 2, kMax: 4, restarts: 3, bootstraps: 4, seed: 7, silhouetteSample: 2000 });
    expect(results.columns.map((column) => column.id)).toEqual(BASIS);
    expect(results.threads).toBeGreaterThanOrEqual(1);
    expect(await listStudyRuns(db, base)).toMatchObject([{ id: run.id, status: "succeeded", kMin: 2, kMax: 4, respondentCount: 100 }]);

    const saved = await saveRunSolution(db, { workspaceId: base.workspaceId, runId: run.id, userId: owner.id, k: 2 });
    const solution = (await getSegmentation(db, { workspaceId: base.workspaceId, segmentationId: saved.id }))!;
    expect(solution.method).toBe("kmeans");
    expect(solution.survey?.id).toBe(surveyId);
    expect(solution.summary.segments.map((segment) => segment.size)).toEqual([60, 40]);
    // The saved fit is the run's fit for k = 2: same within-SS and means.
    expect(solution.summary.withinSS).toBeCloseTo(results.ks[0]!.withinSS, 6);
    expect(solution.summary.segments[0]!.means[0]).toBeCloseTo(results.ks[0]!.segments[0]!.means[0]!, 6);
    const [row] = await db.select({ runId: segmentations.runId, fingerprint: segmentations.dataFingerprint, config: segmentations.config }).from(segmentations).where(eq(segmentations.id, saved.id));
    expect(row).toMatchObject({ runId: run.id, fingerprint: run.dataFingerprint, config: { basis: BASIS, seed: 7 } });
    // At k = 4 the two groups split in noise, where another seed lands elsewhere: the save must use the sweep's own fit.
    const savedFour = await saveRunSolution(db, { workspaceId: base.workspaceId, runId: run.id, userId: owner.id, k: 4 });
    const four = (await getSegmentation(db, { workspaceId: base.workspaceId, segmentationId: savedFour.id }))!;
    expect(four.summary.withinSS).toBeCloseTo(results.ks[2]!.withinSS, 6);
    expect(four.summary.segments.map((segment) => segment.size)).toEqual(results.ks[2]!.segments.map((segment) => segment.size));
    expect(four.summary.segments.map((segment) => segment.means)).toEqual(results.ks[2]!.segments.map((segment) => segment.means.map((mean) => expect.closeTo(mean, 6))));
    const members = await listSegmentMembership(db, { workspaceId: base.workspaceId, segmentationId: saved.id });
    expect(members).toHaveLength(100);
    const segmentOf = new Map(members.map((member) => [member.responseId, member.segmentName]));
    expect(new Set(responseIds.slice(0, 60).map((id) => segmentOf.get(id)))).toEqual(new Set(["Segment 1"]));
  });

  it("clusters standardised values but profiles segments on the answers' own scale", async () => {
    const db = t.db;
    const { base, surveyId, owner } = await seededStudy(db, [30, 20]);
    const started = await startSweep(db, { ...base, userId: owner.id, input: sweepInput(surveyId, { kMax: 2, scaling: "standardise" }) });
    await runJobs(db);
    const results = (await getAnalysisRun(db, { workspaceId: base.workspaceId, runId: started.id }))!.results!;
    const means = results.ks[0]!.segments.flatMap((segment) => segment.means);
    expect(Math.min(...means)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...means)).toBeLessThanOrEqual(5);
    expect(results.ks[0]!.totalMeans[0]).toBeGreaterThan(2);
    const saved = await saveRunSolution(db, { workspaceId: base.workspaceId, runId: started.id, userId: owner.id, k: 2 });
    const solution = (await getSegmentation(db, { workspaceId: base.workspaceId, segmentationId: saved.id }))!;
    expect(solution.summary.segments[0]!.means).toEqual(results.ks[0]!.segments[0]!.means.map((mean) => expect.closeTo(mean, 6)));
    // Centroids live in the standardised space (around 0); the transform to get there is stored with the solution.
    expect(Math.abs(solution.centroids[0]![0]!)).toBeLessThan(2);
    const [row] = await db.select({ config: segmentations.config }).from(segmentations).where(eq(segmentations.id, saved.id));
    expect((row!.config as { transform: { centers: number[] } }).transform.centers).toHaveLength(4);
  });

  it("keeps no results when the sweep is cancelled while running", async () => {
    const db = t.db;
    const { base, surveyId, owner } = await seededStudy(db, [30, 30]);
    const started = await startSweep(db, { ...base, userId: owner.id, input: sweepInput(surveyId, { bootstraps: 200, kMax: 8 }) });
    let bootstrapsSeen = 0;
    // Cancel as the workers report their first bootstrap, the way a user presses Cancel mid-sweep.
    const cancelling: JobHandler = async (ctx) =>
      runSegmentationSweepJob({
        ...ctx,
        progress: async (progress, options) => {
          if (progress.stage?.startsWith("k =") && bootstrapsSeen++ === 0) await requestJobCancel(db, { workspaceId: base.workspaceId, jobId: started.jobId });
          return ctx.progress(progress, options);
        },
      });
    await runJobs(db, { [JOB_KINDS.segmentationSweep]: async () => cancelling });
    expect(await getJob(db, { workspaceId: base.workspaceId, jobId: started.jobId })).toMatchObject({ status: "cancelled", error: null });
    expect(bootstrapsSeen).toBeGreaterThan(0);
    expect(bootstrapsSeen).toBeLessThan(7 * 200);
    const run = (await getAnalysisRun(db, { workspaceId: base.workspaceId, runId: started.id }))!;
    expect(run).toMatchObject({ status: "cancelled", results: null });
    await expectAppError(saveRunSolution(db, { workspaceId: base.workspaceId, runId: run.id, userId: owner.id, k: 2 }), "conflict");
    expect(await db.select({ id: segmentations.id }).from(segmentations).where(eq(segmentations.workspaceId, base.workspaceId))).toEqual([]);
  });

  it("refuses to save when the data changed since the run, or for a k the run did not cover", async () => {
    const db = t.db;
    const { base, surveyId, versionId, owner } = await seededStudy(db, [20, 20]);
    const started = await startSweep(db, { ...base, userId: owner.id, input: sweepInput(surveyId, { kMax: 3 }) });
    await runJobs(db);
    await expectAppError(saveRunSolution(db, { workspaceId: base.workspaceId, runId: started.id, userId: owner.id, k: 5 }), "invalid", "k");
    await insertBatteryResponses(db, { workspaceId: base.workspaceId, surveyId, versionId, rows: [[5, 1, 5, 1]] });
    await expectAppError(saveRunSolution(db, { workspaceId: base.workspaceId, runId: started.id, userId: owner.id, k: 2 }), "conflict");
    expect(await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(segmentAssignments).where(eq(segmentAssignments.workspaceId, base.workspaceId))).toEqual([{ n: 0 }]);
  });

  it("keeps a workspace's runs out of reach of other workspaces", async () => {
    const db = t.db;
    const a = await seededStudy(db, [20, 20]);
    const b = await seededStudy(db, [20, 20]);
    const started = await startSweep(db, { ...a.base, userId: a.owner.id, input: sweepInput(a.surveyId, { kMax: 2 }) });
    await runJobs(db);
    expect(await getAnalysisRun(db, { workspaceId: b.workspace.id, runId: started.id })).toBeUndefined();
    expect(await listStudyRuns(db, { workspaceId: b.workspace.id, studyId: a.study.id })).toEqual([]);
    await expectAppError(saveRunSolution(db, { workspaceId: b.workspace.id, runId: started.id, userId: b.owner.id, k: 2 }), "not_found");
    // B cannot start a run on A's survey, through its own study or by naming A's study.
    await expectAppError(startSweep(db, { ...b.base, userId: b.owner.id, input: sweepInput(a.surveyId) }), "invalid", "surveyId");
    await expectAppError(startSweep(db, { workspaceId: b.workspace.id, studyId: a.study.id, userId: b.owner.id, input: sweepInput(a.surveyId) }), "invalid", "surveyId");
    expect(await db.select({ id: analysisRuns.id }).from(analysisRuns).where(eq(analysisRuns.workspaceId, b.workspace.id))).toEqual([]);
  });

  it("joins the latest customer metrics, one-hot codes categories, leaves out flagged responses and explores the data", async () => {
    const db = t.db;
    const { base, surveyId, responseIds, workspace, study } = await seededStudy(db, [10, 10]);
    const [old] = await db.insert(customerMetricSnapshots).values({ workspaceId: workspace.id, studyId: study.id, referenceDate: "2025-01-01", settings: {}, computedAt: new Date("2025-01-01T00:00:00Z") }).returning();
    const [latest] = await db.insert(customerMetricSnapshots).values({ workspaceId: workspace.id, studyId: study.id, referenceDate: "2026-01-01", settings: {} }).returning();
    await db.insert(customerMetrics).values(
      Array.from({ length: 16 }, (_, i) => ({ snapshotId: latest!.id, workspaceId: workspace.id, customerExternalId: `cust-${i}`, monetary: String(100 + i), frequency: i, rfmSegment: i < 8 ? "Champions" : "At risk" })),
    );
    await db.insert(customerMetrics).values({ snapshotId: old!.id, workspaceId: workspace.id, customerExternalId: "cust-19", monetary: "1", frequency: 1 });
    await db.update(responses).set({ flags: ["speeder"] }).where(eq(responses.id, responseIds[0]!));

    const options = await listDatasetOptions(db, base);
    expect(options.surveys[0]).toMatchObject({ id: surveyId, responseCount: 20, customerMatches: 16 });
    expect(options.surveys[0]!.variables.map((variable) => variable.id)).toEqual([...BASIS, "gender"]);
    expect(options.customerVariables.find((variable) => variable.id === "customer:rfmSegment")?.categories?.map((c) => c.value)).toEqual(["At risk", "Champions"]);

    const input = ZStartSweepInput.parse({ surveyId, basis: [...BASIS.slice(0, 2), "customer:monetary", "customer:rfmSegment"], descriptors: ["gender"], scaling: "standardise", excludeFlagged: true });
    const dataset = await loadAnalysisDataset(db, { ...base, input });
    // 19 unflagged responses, of which cust-1..cust-15 have metrics in the latest snapshot (cust-19 only in the old one).
    expect(dataset.prepared.counts).toEqual({ loaded: 19, dropped: 4, imputedValues: 0, imputedRows: 0 });
    expect(dataset.prepared.columns.map((column) => column.id)).toEqual([...BASIS.slice(0, 2), "customer:monetary", "customer:rfmSegment=At risk", "customer:rfmSegment=Champions"]);
    expect(dataset.sampleSize).toEqual({ recommendedMinimum: 500, belowRecommendation: true });
    const exploration = exploreDataset(dataset);
    expect(exploration.respondents).toBe(15);
    expect(exploration.variables.find((variable) => variable.id === "customer:monetary")).toMatchObject({ n: 15, missing: 4, min: 101, max: 115 });
    expect(exploration.variables.find((variable) => variable.id === "gender")).toMatchObject({ role: "descriptor", missing: 0 });
    expect(exploration.correlations).toHaveLength(5);
    expect(exploration.correlations[3]![4]).toBeCloseTo(-1);
    expect(exploration.pcaExplained.reduce((a, b) => a + b, 0)).toBeCloseTo(1);

    // Imputing keeps every unflagged response and says how many values it filled.
    const imputed = await loadAnalysisDataset(db, { ...base, input: { ...input, missing: "impute" } });
    expect(imputed.prepared.counts).toMatchObject({ loaded: 19, dropped: 0, imputedRows: 4, imputedValues: 8 });
    expect(imputed.fingerprint).not.toBe(dataset.fingerprint);
  });

  it("rejects unknown variables and customer variables without metrics as field errors", async () => {
    const db = t.db;
    const { base, surveyId } = await seededStudy(db, [5, 5]);
    await expectAppError(loadAnalysisDataset(db, { ...base, input: ZStartSweepInput.parse({ surveyId, basis: ["motives.nope"] }) }), "invalid", "basis");
    await expectAppError(loadAnalysisDataset(db, { ...base, input: ZStartSweepInput.parse({ surveyId, basis: ["customer:monetary"] }) }), "invalid", "basis");
    expect((await listDatasetOptions(db, base)).customerVariables).toEqual([]);
  });
});
