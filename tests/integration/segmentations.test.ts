import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { insertSegmentation, listSegmentations, listSegmentMembership } from "@/db/queries/segmentations";
import { segmentAssignments, segmentations, segments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getSegmentation } from "@/lib/segmentation/get-segmentation";
import { listBasisOptions } from "@/lib/segmentation/list-basis-options";
import { runSegmentation } from "@/lib/segmentation/run-segmentation";
import { saveSegmentation } from "@/lib/segmentation/save-segmentation";
import { ZRunSegmentationInput } from "@/lib/segmentation/schemas";
import { createStudyFixture } from "@/tests/helpers/factories";
import { BATTERY_ID, createBatterySurvey, insertBatteryResponses, twoGroupAnswers } from "@/tests/helpers/segment-fixtures";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

async function seededStudy(db: Database, sizes: [number, number] = [60, 40]) {
  const { owner, workspace, study } = await createStudyFixture(db);
  const { surveyId, versionId } = await createBatterySurvey(db, { workspaceId: workspace.id, studyId: study.id });
  const rows = twoGroupAnswers(...sizes);
  const customerIds = rows.map((_, i) => `cust-${i}`);
  const responseIds = await insertBatteryResponses(db, { workspaceId: workspace.id, surveyId, versionId, rows, customerIds });
  const base = { workspaceId: workspace.id, studyId: study.id };
  return { owner, workspace, study, surveyId, versionId, responseIds, base };
}

function input(surveyId: string, overrides: Record<string, unknown> = {}) {
  return ZRunSegmentationInput.parse({ surveyId, questionId: BATTERY_ID, k: 2, ...overrides });
}

async function countRows(db: Database, workspaceId: string) {
  const count = async (table: typeof segmentations | typeof segments | typeof segmentAssignments) =>
    (await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table).where(eq(table.workspaceId, workspaceId)))[0]!.n;
  return { segmentations: await count(segmentations), segments: await count(segments), assignments: await count(segmentAssignments) };
}

async function expectAppError(promise: Promise<unknown>, field: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("invalid");
  expect(Object.keys((error as AppError).fieldErrors ?? {})).toContain(field);
}

describe.each(testDatabaseKinds())("segmentations on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("recovers two separated groups with k = 2 and saves consistent rows", async () => {
    const db = t.db;
    const { base, surveyId, responseIds, owner } = await seededStudy(db);
    const saved = await saveSegmentation(db, { ...base, userId: owner.id, input: input(surveyId) });
    expect(saved.name).toBe("How important is each of these on holiday? · 2 segments");

    const solution = (await getSegmentation(db, { workspaceId: base.workspaceId, segmentationId: saved.id }))!;
    const { summary } = solution;
    expect(summary.respondentCount).toBe(100);
    expect(summary.segments.map((s) => [s.name, s.size])).toEqual([["Segment 1", 60], ["Segment 2", 40]]);
    expect(summary.segments.reduce((sum, s) => sum + s.size, 0)).toBe(summary.respondentCount);
    expect(summary.variables.map((v) => v.id)).toEqual(["motives.rest", "motives.culture", "motives.nature", "motives.nightlife"]);
    expect(summary.segments[0]!.marked).toEqual([true, true, true, true]);
    expect(summary.sampleSize).toEqual({ recommendedMinimum: 400, belowRecommendation: true });
    expect(solution.centroids).toHaveLength(2);

    // One assignment per response, and each seeded group lands whole in its own segment.
    const members = await listSegmentMembership(db, { workspaceId: base.workspaceId, segmentationId: saved.id });
    expect(members).toHaveLength(100);
    expect(new Set(members.map((m) => m.responseId)).size).toBe(100);
    const segmentOf = new Map(members.map((m) => [m.responseId, m.segmentName]));
    expect(new Set(responseIds.slice(0, 60).map((id) => segmentOf.get(id)))).toEqual(new Set(["Segment 1"]));
    expect(new Set(responseIds.slice(60).map((id) => segmentOf.get(id)))).toEqual(new Set(["Segment 2"]));
    expect(members.find((m) => m.responseId === responseIds[0])!.customerId).toBe("cust-0");

    expect(await countRows(db, base.workspaceId)).toEqual({ segmentations: 1, segments: 2, assignments: 100 });
    const listed = await listSegmentations(db, base);
    expect(listed.map((row) => [row.id, row.k, row.respondentCount])).toEqual([[saved.id, 2, 100]]);
  });

  it("gives the same solution for the same seed", async () => {
    const db = t.db;
    const { base, surveyId, owner } = await seededStudy(db, [70, 50]);
    const settings = input(surveyId, { k: 3, restarts: 5, seed: 99 });
    const first = await saveSegmentation(db, { ...base, userId: owner.id, input: settings });
    const second = await saveSegmentation(db, { ...base, userId: owner.id, input: settings });
    const [a, b] = await Promise.all(
      [first.id, second.id].map((segmentationId) => getSegmentation(db, { workspaceId: base.workspaceId, segmentationId })),
    );
    expect(b!.summary.segments.map((s) => s.size)).toEqual(a!.summary.segments.map((s) => s.size));
    expect(b!.centroids).toEqual(a!.centroids);
    expect(b!.summary.withinSS).toBe(a!.summary.withinSS);
    const membership = async (segmentationId: string) =>
      new Map((await listSegmentMembership(db, { workspaceId: base.workspaceId, segmentationId })).map((m) => [m.responseId, m.segmentName]));
    expect(await membership(second.id)).toEqual(await membership(first.id));
  });

  it("runs only on complete responses that answered every statement, and counts them for the form", async () => {
    const db = t.db;
    const { base, surveyId, versionId } = await seededStudy(db, [30, 20]);
    await insertBatteryResponses(db, { workspaceId: base.workspaceId, surveyId, versionId, rows: [[1, 1, 1, 1]], status: "partial" });
    // A response that skipped a statement: three values for four statements.
    await insertBatteryResponses(db, { workspaceId: base.workspaceId, surveyId, versionId, rows: [[5, 5, 5]] });
    const options = await listBasisOptions(db, base);
    expect(options).toEqual([
      {
        id: surveyId,
        title: "Travel motives",
        batteries: [{ id: BATTERY_ID, label: "How important is each of these on holiday?", statementCount: 4, usableResponses: 50, recommendedMinimum: 400 }],
      },
    ]);
    const run = await runSegmentation(db, { ...base, input: input(surveyId) });
    expect(run.summary.respondentCount).toBe(50);
  });

  it("keeps a workspace's solutions invisible to other workspaces", async () => {
    const db = t.db;
    const a = await seededStudy(db);
    const b = await seededStudy(db);
    const saved = await saveSegmentation(db, { ...a.base, userId: a.owner.id, input: input(a.surveyId) });
    expect(await getSegmentation(db, { workspaceId: b.workspace.id, segmentationId: saved.id })).toBeUndefined();
    expect(await listSegmentations(db, { workspaceId: b.workspace.id, studyId: a.study.id })).toEqual([]);
    expect(await listSegmentMembership(db, { workspaceId: b.workspace.id, segmentationId: saved.id })).toEqual([]);
    // B cannot run on A's survey, neither through its own study nor by naming A's study.
    await expectAppError(runSegmentation(db, { ...b.base, input: input(a.surveyId) }), "surveyId");
    await expectAppError(runSegmentation(db, { workspaceId: b.workspace.id, studyId: a.study.id, input: input(a.surveyId) }), "surveyId");
    expect(await countRows(db, b.workspace.id)).toEqual({ segmentations: 0, segments: 0, assignments: 0 });
  });

  it("rejects invalid input with clear errors and writes nothing", async () => {
    const db = t.db;
    const { base, surveyId, owner, workspace, study } = await seededStudy(db, [2, 1]);
    const parsed = ZRunSegmentationInput.safeParse({ surveyId, questionId: BATTERY_ID, k: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["k", "Use at least 2 segments"]]);
    expect(ZRunSegmentationInput.safeParse({ surveyId, questionId: BATTERY_ID, k: 9, restarts: 0 }).error!.issues.map((i) => i.path[0])).toEqual(["k", "restarts"]);

    const save = (overrides: Record<string, unknown>) => saveSegmentation(db, { ...base, userId: owner.id, input: input(surveyId, overrides) });
    await expectAppError(save({ k: 4 }), "k"); // only 3 usable responses
    await expectAppError(save({ surveyId: randomUUID() }), "surveyId");
    await expectAppError(save({ questionId: "gender" }), "questionId"); // a question, but not a battery
    await expectAppError(save({ questionId: "nope" }), "questionId");
    const draft = await createBatterySurvey(db, { workspaceId: workspace.id, studyId: study.id, status: "draft" });
    await insertBatteryResponses(db, { workspaceId: workspace.id, surveyId: draft.surveyId, versionId: draft.versionId, rows: twoGroupAnswers(5, 5) });
    await expectAppError(save({ surveyId: draft.surveyId }), "surveyId");
    const empty = await createBatterySurvey(db, { workspaceId: workspace.id, studyId: study.id });
    await expectAppError(save({ surveyId: empty.surveyId }), "questionId");
    expect(await countRows(db, workspace.id)).toEqual({ segmentations: 0, segments: 0, assignments: 0 });
  });

  it("writes a solution all or nothing", async () => {
    const db = t.db;
    const { base, surveyId, responseIds } = await seededStudy(db, [3, 3]);
    const attempt = insertSegmentation(db, {
      ...base,
      surveyId,
      name: "Broken",
      k: 2,
      seed: 1,
      restarts: 1,
      variables: [{ id: "motives.rest", label: "Rest" }],
      centroids: [[1], [2]],
      totalMeans: [1.5],
      withinSS: 0,
      respondentCount: 2,
      createdBy: undefined,
      segments: [
        { name: "Segment 1", size: 1, means: [1] },
        { name: "Segment 2", size: 1, means: [2] },
      ],
      // The second response does not exist: its assignment fails after the solution row was written.
      assignments: { responseIds: [responseIds[0]!, randomUUID()], positions: [0, 1] },
    });
    await expect(attempt).rejects.toThrow();
    expect(await countRows(db, base.workspaceId)).toEqual({ segmentations: 0, segments: 0, assignments: 0 });
  });
});
