import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { insertUnlimitedResponseOnce } from "@/db/queries/responses";
import { responses } from "@/db/schema";
import { saveSurveyLimits } from "@/lib/distribution/survey-limits";
import { saveProgress } from "@/lib/responses/save-progress";
import { closeSurvey } from "@/lib/surveys/close-survey";
import { publishSurvey } from "@/lib/surveys/publish-survey";
import { submitResponse } from "@/lib/surveys/submit-response";
import { versionHint } from "@/lib/surveys/version-cache";
import { createPublishedSurvey, createStudyFixture } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

// The one-statement submit (db/queries/responses.ts insertUnlimitedResponseOnce) must store exactly
// what the full path stores, and must refuse — leaving it to the full path — whenever the survey is
// not plainly open on the version the answers were checked against.
const answers = { q1: { s1: 4, s2: 2, s3: 5 }, q2: 3 };

async function setUp(db: Database) {
  const { workspace, study } = await createStudyFixture(db);
  const survey = await createPublishedSurvey(db, { workspaceId: workspace.id, studyId: study.id });
  return { workspace, survey };
}

async function rowOf(db: Database, id: string) {
  const [row] = await db.select().from(responses).where(eq(responses.id, id));
  return row!;
}

function fastRow(publicId: string, versionId: string, submissionKey = `fast-${randomUUID()}`) {
  const completedAt = new Date();
  return {
    publicId,
    versionId,
    submissionKey,
    answers,
    language: "fi",
    customerId: "C-1",
    channel: "api",
    startedAt: new Date(completedAt.getTime() - 90_000),
    completedAt,
    flags: ["straight_liner"],
    displayOrder: { questions: ["q2", "q1"] },
  };
}

describe.each(testDatabaseKinds())("one-statement submit on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("stores the same row as the full path, typed jsonb and all", async () => {
    const db = t.db;
    const { survey } = await setUp(db);
    const input = (key: string) => ({ publicId: survey.publicId, submissionKey: key, answers, language: "fi", customerId: "C-9", startedAt: new Date(Date.now() - 60_000).toISOString() });
    expect(versionHint(survey.publicId)).toBeUndefined();
    const slow = await submitResponse(db, { input: input(`slow-${randomUUID()}`), channel: "api" });
    // The first submit read the survey and left the hint the second one uses.
    expect(versionHint(survey.publicId)).toMatchObject({ versionId: survey.versionId });
    const fast = await submitResponse(db, { input: input(`fast-${randomUUID()}`), channel: "api" });
    expect(fast).toMatchObject({ versionId: survey.versionId, duplicate: false });

    const [a, b] = [await rowOf(db, slow.responseId), await rowOf(db, fast.responseId)];
    const comparable = (row: typeof a) => ({
      status: row.status,
      versionId: row.versionId,
      answers: row.answers,
      language: row.language,
      customerId: row.customerId,
      contactId: row.contactId,
      channel: row.channel,
      flags: row.flags,
      hasDisplayOrder: row.displayOrder !== undefined,
      durationRoughly: Math.round((row.durationMs ?? 0) / 10_000),
    });
    expect(comparable(b)).toEqual(comparable(a));
    expect(b.answers).toEqual(answers);
    expect(b.startedAt).toBeInstanceOf(Date);
    expect(b.completedAt!.getTime()).toBeGreaterThan(b.startedAt!.getTime());
  });

  it("inserts once per key; a retry gets the first row back; a partial autosave becomes complete", async () => {
    const db = t.db;
    const { survey } = await setUp(db);
    const first = await insertUnlimitedResponseOnce(db, fastRow(survey.publicId, survey.versionId, "same-key-1"));
    expect(first).toMatchObject({ admitted: true, inserted: { versionId: survey.versionId }, earlier: undefined });
    const retry = await insertUnlimitedResponseOnce(db, fastRow(survey.publicId, survey.versionId, "same-key-1"));
    expect(retry.admitted && retry.inserted).toBeUndefined();
    expect(retry.admitted && retry.earlier?.id).toBe(first.admitted && first.inserted?.id);

    const key = `autosave-${randomUUID()}`;
    const startedAt = new Date(Date.now() - 120_000).toISOString();
    await saveProgress(db, { input: { publicId: survey.publicId, submissionKey: key, answers: { q2: 1 }, startedAt } });
    const [partial] = await db.select().from(responses).where(eq(responses.submissionKey, key));
    const completed = await insertUnlimitedResponseOnce(db, { ...fastRow(survey.publicId, survey.versionId, key), startedAt: null });
    expect(completed.admitted && completed.inserted?.id).toBe(partial!.id);
    const row = await rowOf(db, partial!.id);
    expect(row).toMatchObject({ status: "complete", answers, customerId: "C-1" });
    expect(row.startedAt?.toISOString()).toBe(startedAt);
    expect(row.durationMs).toBeGreaterThanOrEqual(120_000);
  });

  it("concurrent submits of one key store one row and all get its id", async () => {
    const db = t.db;
    const { survey } = await setUp(db);
    const input = { publicId: survey.publicId, submissionKey: `double-${randomUUID()}`, answers };
    await submitResponse(db, { input: { ...input, submissionKey: `warm-${randomUUID()}` } });
    const results = await Promise.all(Array.from({ length: 8 }, () => submitResponse(db, { input })));
    expect(new Set(results.map((r) => r.responseId)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    const rows = await db.select().from(responses).where(eq(responses.submissionKey, input.submissionKey));
    expect(rows).toHaveLength(1);
  });

  it("refuses, writing nothing, when the survey is not plainly open on that version", async () => {
    const db = t.db;
    const { workspace, survey } = await setUp(db);
    const count = async () => (await db.select().from(responses).where(eq(responses.surveyId, survey.id))).length;
    expect(await insertUnlimitedResponseOnce(db, fastRow("nosuchsurvey", survey.versionId))).toEqual({ admitted: false });
    expect(await insertUnlimitedResponseOnce(db, fastRow(survey.publicId, randomUUID()))).toEqual({ admitted: false });

    await saveSurveyLimits(db, { workspaceId: workspace.id, input: { surveyId: survey.id, responseLimit: 5, quotas: [] } });
    expect(await insertUnlimitedResponseOnce(db, fastRow(survey.publicId, survey.versionId))).toEqual({ admitted: false });
    await saveSurveyLimits(db, { workspaceId: workspace.id, input: { surveyId: survey.id, quotas: [{ questionId: "q2", optionCode: 1, limit: 3 }] } });
    expect(await insertUnlimitedResponseOnce(db, fastRow(survey.publicId, survey.versionId))).toEqual({ admitted: false });
    await saveSurveyLimits(db, { workspaceId: workspace.id, input: { surveyId: survey.id, closeAt: new Date(Date.now() - 1000).toISOString(), quotas: [] } });
    expect(await insertUnlimitedResponseOnce(db, fastRow(survey.publicId, survey.versionId))).toEqual({ admitted: false });
    await saveSurveyLimits(db, { workspaceId: workspace.id, input: { surveyId: survey.id, closeAt: new Date(Date.now() + 3_600_000).toISOString(), quotas: [] } });
    expect(await insertUnlimitedResponseOnce(db, fastRow(survey.publicId, survey.versionId))).toMatchObject({ admitted: true });

    await closeSurvey(db, { workspaceId: workspace.id, surveyId: survey.id });
    expect(await insertUnlimitedResponseOnce(db, fastRow(survey.publicId, survey.versionId))).toEqual({ admitted: false });
    expect(await count()).toBe(1);
  });

  it("a stale hint (closed, limited, republished) falls back to the full path and its rules", async () => {
    const db = t.db;
    const { workspace, survey } = await setUp(db);
    const submit = (key = `k-${randomUUID()}`) => submitResponse(db, { input: { publicId: survey.publicId, submissionKey: key, answers } });
    const keptKey = `k-kept-${randomUUID()}`;
    const kept = await submit(keptKey);
    expect(versionHint(survey.publicId)).toBeDefined();

    await saveSurveyLimits(db, { workspaceId: workspace.id, input: { surveyId: survey.id, responseLimit: 2, quotas: [] } });
    await submit();
    await expect(submit()).rejects.toMatchObject({ code: "closed" });
    await saveSurveyLimits(db, { workspaceId: workspace.id, input: { surveyId: survey.id, quotas: [] } });

    await closeSurvey(db, { workspaceId: workspace.id, surveyId: survey.id });
    await expect(submit()).rejects.toMatchObject({ code: "closed" });
    // A retry of a stored key still gets its response back after the close.
    expect(await submit(keptKey)).toEqual({ responseId: kept.responseId, versionId: survey.versionId, duplicate: true });
    const republished = await publishSurvey(db, { workspaceId: workspace.id, surveyId: survey.id });
    const after = await submit();
    expect(after.versionId).toBe(republished.versionId);
    expect(versionHint(survey.publicId)?.versionId).toBe(republished.versionId);
  });

  it("an answering time beyond the duration column's range is stored as unknown, not a failed submit", async () => {
    const db = t.db;
    const { survey } = await setUp(db);
    const day = 24 * 3600 * 1000;
    const now = new Date();
    const submit = (key: string, startedAt?: string) => submitResponse(db, { input: { publicId: survey.publicId, submissionKey: key, answers, startedAt }, now });
    // Both the full path (first submit) and the one-statement path.
    for (const key of [`long-${randomUUID()}`, `long-${randomUUID()}`]) {
      const stored = await rowOf(db, (await submit(key, new Date(now.getTime() - 26 * day).toISOString())).responseId);
      expect(stored.status).toBe("complete");
      expect(stored.durationMs).toBeNull();
    }
    // Started (autosaved) 20 days ago, finished 6 days later: the duration no longer fits an int.
    const key = `resumed-${randomUUID()}`;
    await saveProgress(db, { input: { publicId: survey.publicId, submissionKey: key, answers: { q2: 1 }, startedAt: new Date(now.getTime() - 26 * day).toISOString() }, now: new Date(now.getTime() - 6 * day) });
    const resumed = await rowOf(db, (await submit(key)).responseId);
    expect(resumed).toMatchObject({ status: "complete", durationMs: null });
    expect(resumed.startedAt).toBeInstanceOf(Date);
  });
});
