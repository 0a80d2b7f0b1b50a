import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { exportResponseBatches, listResponsesFiltered, refreshSpeederFlags } from "@/db/queries/response-list";
import { contacts, responseErasures, responses, segmentAssignments, segments } from "@/db/schema";
import { importContacts } from "@/lib/distribution/import-contacts";
import { parseCsv } from "@/lib/responses/csv";
import { eraseRespondent } from "@/lib/responses/erase-responses";
import { exportResponses } from "@/lib/responses/export-responses";
import { qualityDefinition } from "@/lib/responses/fixtures/quality-definition";
import { loadProgress, saveProgress } from "@/lib/responses/save-progress";
import { loadSegmentationBasis } from "@/lib/segmentation/load-basis";
import { saveSegmentation } from "@/lib/segmentation/save-segmentation";
import { ZRunSegmentationInput } from "@/lib/segmentation/schemas";
import { submitResponse } from "@/lib/surveys/submit-response";
import { createPublishedSurvey, createStudyFixture } from "@/tests/helpers/factories";
import { BATTERY_ID, createBatterySurvey, insertBatteryResponses, twoGroupAnswers } from "@/tests/helpers/segment-fixtures";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

const varied = { s1: 1, s2: 5, s3: 2, s4: 4, s5: 3, s6: 4 };
const flat = { s1: 3, s2: 3, s3: 3, s4: 3, s5: 3, s6: 3 };

async function qualitySurvey(db: Database) {
  const { owner, workspace, study } = await createStudyFixture(db);
  const survey = await createPublishedSurvey(db, { workspaceId: workspace.id, studyId: study.id, definition: qualityDefinition() });
  return { owner, workspace, study, survey, scope: { workspaceId: workspace.id, surveyId: survey.id } };
}

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe.each(testDatabaseKinds())("responses on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("saves progress, resumes it, and completes the same row once", async () => {
    const db = t.db;
    const { survey, scope } = await qualitySurvey(db);
    const key = `key-${randomUUID()}`;
    const base = { publicId: survey.publicId, submissionKey: key, customerId: "C-42", language: "fi" as const };
    const start = new Date(Date.now() - 120_000);

    await saveProgress(db, { input: { ...base, answers: { q1: { s1: 2 } }, startedAt: start.toISOString(), lastQuestionId: "q1" } });
    await saveProgress(db, { input: { ...base, answers: { q1: { s1: 2, s2: 4 } }, lastQuestionId: "q1" } });
    await expect(saveProgress(db, { input: { ...base, answers: { q1: { s1: 9 } } } })).rejects.toMatchObject({ code: "invalid" });
    expect(await loadProgress(db, { input: { publicId: survey.publicId, submissionKey: key } })).toEqual({
      status: "partial",
      answers: { q1: { s1: 2, s2: 4 } },
      lastQuestionId: "q1",
    });

    const first = await submitResponse(db, { input: { ...base, answers: { q1: varied, q2: 1 }, startedAt: new Date().toISOString() } });
    const again = await submitResponse(db, { input: { ...base, answers: { q1: flat } } });
    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({ responseId: first.responseId, duplicate: true });
    // A late autosave after the final submit changes nothing.
    expect((await saveProgress(db, { input: { ...base, answers: { q2: 2 } } })).status).toBe("complete");

    const rows = await db.select().from(responses).where(and(eq(responses.surveyId, scope.surveyId)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.responseId, status: "complete", customerId: "C-42", language: "fi", answers: { q1: varied, q2: 1 }, flags: [] });
    // Timing runs from the first autosave, not from the reloaded page.
    expect(rows[0]!.startedAt!.getTime()).toBe(start.getTime());
    expect(rows[0]!.durationMs).toBeGreaterThanOrEqual(119_000);
    expect((await loadProgress(db, { input: { publicId: survey.publicId, submissionKey: key } })).status).toBe("complete");
  });

  it("flags straight-liners, failed checks and speeders, and filters by flag", async () => {
    const db = t.db;
    const { survey, scope } = await qualitySurvey(db);
    const now = new Date();
    const submit = (answers: Record<string, unknown>, seconds: number, customerId: string) =>
      submitResponse(db, {
        now,
        input: { publicId: survey.publicId, submissionKey: randomUUID(), answers, customerId, startedAt: new Date(now.getTime() - seconds * 1000).toISOString() },
      });
    for (let i = 0; i < 4; i++) await submit({ q1: varied }, 300, `ok-${i}`);
    await submit({ q1: flat }, 280, "flat");
    await submit({ q1: { ...varied, s6: 1 } }, 60, "fast-inattentive");

    expect(await refreshSpeederFlags(db, scope)).toBe(300_000);
    const flagsOf = async () =>
      Object.fromEntries((await listResponsesFiltered(db, { ...scope, limit: 50 })).map((row) => [row.customerId, [...row.flags].sort()]));
    expect(await flagsOf()).toMatchObject({ "ok-0": [], flat: ["attention_failed", "straight_liner"], "fast-inattentive": ["attention_failed", "speeder"] });
    const speeders = await listResponsesFiltered(db, { ...scope, limit: 50, filters: { flag: "speeder" } });
    expect(speeders.map((row) => row.customerId)).toEqual(["fast-inattentive"]);
    expect(await listResponsesFiltered(db, { ...scope, limit: 50, filters: { flag: "none" } })).toHaveLength(4);

    // Slower responses move the median up; one statement re-applies the rule to all rows.
    for (let i = 0; i < 10; i++) await submit({ q1: varied }, 1200, `slow-${i}`);
    await refreshSpeederFlags(db, scope);
    const after = await flagsOf();
    expect(after["ok-0"]).toEqual(["speeder"]);
    expect(after["slow-0"]).toEqual([]);
  });

  it("streams 5,000 responses in keyset batches, CSV and codebook", async () => {
    const db = t.db;
    const { survey, scope } = await qualitySurvey(db);
    const values = Array.from({ length: 5000 }, (_, i) => ({
      workspaceId: scope.workspaceId,
      surveyId: scope.surveyId,
      versionId: survey.versionId,
      submissionKey: `bulk-${i}`,
      status: "complete" as const,
      answers: { q1: { ...varied, s1: 1 + (i % 5) }, q2: 1 + (i % 2) },
      customerId: i === 0 ? "=HYPERLINK(\"evil\")" : `c${i}`,
      durationMs: 100_000,
    }));
    for (let i = 0; i < values.length; i += 1000) await db.insert(responses).values(values.slice(i, i + 1000));

    const sizes: number[] = [];
    const seen = new Set<string>();
    for await (const batch of exportResponseBatches(db, { ...scope, batchSize: 700 })) {
      sizes.push(batch.length);
      for (const row of batch) seen.add(row.id);
    }
    expect(Math.max(...sizes)).toBe(700);
    expect(sizes).toHaveLength(Math.ceil(5000 / 700));
    expect(seen.size).toBe(5000);

    const csv = parseCsv(await text((await exportResponses(db, { ...scope, batchSize: 500, query: { format: "csv", labels: false } })).body));
    expect(csv).toHaveLength(5001);
    const header = csv[0]!;
    expect(header.slice(0, 3)).toEqual(["response_id", "status", "customer_id"]);
    expect(header).toEqual(expect.arrayContaining(["q1_s1", "q1_s6", "q2"]));
    const first = csv.find((row) => row[2]!.includes("HYPERLINK"))!;
    expect(first[2]).toBe("'=HYPERLINK(\"evil\")");
    expect(first[header.indexOf("q2")]).toBe("1");

    const labelled = parseCsv(await text((await exportResponses(db, { ...scope, filters: { status: "complete" }, query: { format: "csv", labels: true } })).body));
    expect(labelled[1]![labelled[0]!.indexOf("q2")]).toMatch(/Rarely|Yearly/);

    const codebook = parseCsv(await text((await exportResponses(db, { ...scope, query: { format: "codebook", labels: false } })).body));
    expect(codebook[0]).toEqual(["variable", "question_id", "part_id", "question_type", "text", "code", "label"]);
    expect(codebook).toContainEqual(["q2", "q2", "", "single_choice", "How often do you travel?", "1", "Rarely"]);
    expect(codebook.find((row) => row[0] === "q1_s5")![4]).toContain("'=1+2".slice(1));

    const json = JSON.parse(await text((await exportResponses(db, { ...scope, query: { format: "json", labels: false } })).body));
    expect(json.responses).toHaveLength(5000);
    expect(json.responses[0].values).toHaveProperty("q1_s1");
  });

  it("erases a customer's responses with their segment assignments and keeps only counts", async () => {
    const db = t.db;
    const { owner, workspace, study } = await createStudyFixture(db);
    const { surveyId, versionId } = await createBatterySurvey(db, { workspaceId: workspace.id, studyId: study.id });
    const rows = twoGroupAnswers(30, 20);
    const customerIds = rows.map((_, i) => (i < 2 ? "forget-me" : `keep-${i}`));
    const ids = await insertBatteryResponses(db, { workspaceId: workspace.id, surveyId, versionId, rows, customerIds });
    const input = ZRunSegmentationInput.parse({ surveyId, questionId: BATTERY_ID, k: 2 });
    await saveSegmentation(db, { workspaceId: workspace.id, studyId: study.id, userId: owner.id, input });
    const sizeSum = async () => (await db.select({ size: segments.size }).from(segments).where(eq(segments.workspaceId, workspace.id))).reduce((s, r) => s + r.size, 0);
    expect(await sizeSum()).toBe(50);
    await importContacts(db, { workspaceId: workspace.id, surveyId, csv: "email,customer_id\nforget@example.test,forget-me\nkeep@example.test,keep-9\n" });

    expect(await eraseRespondent(db, { workspaceId: workspace.id, target: { kind: "customer", customerId: "forget-me" } })).toEqual({ erasedResponses: 2, erasedAssignments: 2 });
    const contactsLeft = await db.select({ email: contacts.email }).from(contacts).where(eq(contacts.surveyId, surveyId));
    expect(contactsLeft.map((c) => c.email)).toEqual(["keep@example.test"]);
    const left = await db.select({ id: responses.id }).from(responses).where(eq(responses.customerId, "forget-me"));
    expect(left).toHaveLength(0);
    const assigned = await db.select({ n: sql<number>`count(*)::int` }).from(segmentAssignments).where(eq(segmentAssignments.workspaceId, workspace.id));
    expect(Number(assigned[0]!.n)).toBe(48);
    expect(await sizeSum()).toBe(48);

    await eraseRespondent(db, { workspaceId: workspace.id, target: { kind: "response", surveyId, responseId: ids[10]! } });
    await expect(eraseRespondent(db, { workspaceId: workspace.id, target: { kind: "response", surveyId, responseId: ids[10]! } })).rejects.toMatchObject({ code: "not_found" });
    const log = await db.select().from(responseErasures).where(eq(responseErasures.workspaceId, workspace.id));
    expect(log.map((entry) => [entry.scope, entry.responseCount]).sort()).toEqual([["customer", 2], ["response", 1]]);
    expect(JSON.stringify(log)).not.toContain("forget-me");

    // Another workspace cannot erase these responses.
    const other = await createStudyFixture(db);
    await expect(eraseRespondent(db, { workspaceId: other.workspace.id, target: { kind: "response", surveyId, responseId: ids[11]! } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("leaves flagged responses out of a segmentation run on request", async () => {
    const db = t.db;
    const { workspace, study } = await createStudyFixture(db);
    const { surveyId, versionId } = await createBatterySurvey(db, { workspaceId: workspace.id, studyId: study.id });
    const ids = await insertBatteryResponses(db, { workspaceId: workspace.id, surveyId, versionId, rows: twoGroupAnswers(20, 20) });
    for (const id of ids.slice(0, 5)) await db.update(responses).set({ flags: ["straight_liner"] }).where(eq(responses.id, id));
    const params = { workspaceId: workspace.id, studyId: study.id, surveyId, questionId: BATTERY_ID };
    expect((await loadSegmentationBasis(db, params)).basis!.responseIds).toHaveLength(40);
    const clean = (await loadSegmentationBasis(db, { ...params, excludeFlagged: true })).basis!;
    expect(clean.responseIds).toHaveLength(35);
    expect(clean.responseIds).not.toContain(ids[0]);
  });
});
