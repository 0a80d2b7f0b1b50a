import { describe, expect, it } from "vitest";
import { findSurvey, listSurveysForStudy, loadBatteryAnswers } from "@/db/queries/surveys";
import { listResponsesPage } from "@/db/queries/responses";
import { closeSurvey } from "@/lib/surveys/close-survey";
import { createSurvey } from "@/lib/surveys/create-survey";
import { ZSurveyDefinition } from "@/lib/surveys/definition";
import { sampleDefinition } from "@/lib/surveys/fixtures/sample-definition";
import { loadPublicSurvey } from "@/lib/surveys/load-public-survey";
import { publishSurvey } from "@/lib/surveys/publish-survey";
import { submitResponse } from "@/lib/surveys/submit-response";
import { summarizeResponses } from "@/lib/surveys/summarize-responses";
import { updateSurveyDraft } from "@/lib/surveys/update-survey-draft";
import { createStudyFixture, createPublishedSurvey, submitSurveyResponse } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

describe.each(testDatabaseKinds())("surveys on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("creates, publishes, takes idempotent submissions, closes, versions and summarises", async () => {
    const db = t.db;
    const { workspace, study } = await createStudyFixture(db);
    const scope = { workspaceId: workspace.id };
    const survey = await createSurvey(db, { ...scope, studyId: study.id, definition: sampleDefinition() });
    expect(survey.status).toBe("draft");
    expect(survey.publicId).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(await loadPublicSurvey(db, { publicId: survey.publicId })).toBeUndefined();

    const v1 = await publishSurvey(db, { ...scope, surveyId: survey.id });
    expect(v1).toMatchObject({ version: 1, created: true });
    expect(await loadPublicSurvey(db, { publicId: survey.publicId })).toMatchObject({ status: "published", version: 1 });

    const submission = { publicId: survey.publicId, submissionKey: "9b0c1a52-5a55-4f0c-9f57-111111111111", language: "fi", customerId: "C-42" };
    const first = await submitResponse(db, { input: { ...submission, answers: { q1: { s1: 5, s2: 4, s3: 1 }, q2: 3 } } });
    expect(first.duplicate).toBe(false);
    const retry = await submitResponse(db, { input: { ...submission, answers: { q1: { s1: 1, s2: 1, s3: 1 }, q2: 1 } } });
    expect(retry).toEqual({ ...first, duplicate: true });
    const stored = await listResponsesPage(db, { ...scope, surveyId: survey.id, limit: 10 });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ answers: { q1: { s1: 5, s2: 4, s3: 1 }, q2: 3 }, language: "fi", customerId: "C-42", status: "complete" });

    // Invalid answers store nothing and say what is wrong.
    const bad = submitResponse(db, { input: { ...submission, submissionKey: "another-key-1", answers: { q1: { s1: 6, s2: 4 }, q2: 3, q9: 1 } } });
    await expect(bad).rejects.toMatchObject({ code: "invalid" });
    const error = await bad.catch((e) => e);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["answers", "answers.q1.s1", "answers.q1.s3"]);
    await expect(submitResponse(db, { input: { ...submission, submissionKey: "k".repeat(12), customerId: "x".repeat(201), answers: {} } })).rejects.toThrow();
    expect(await listResponsesPage(db, { ...scope, surveyId: survey.id, limit: 10 })).toHaveLength(1);

    await submitSurveyResponse(db, { publicId: survey.publicId, answers: { q1: { s1: 4, s2: 2, s3: 2 }, q2: 3 } });

    // A new version: old responses stay tied to version 1, new ones go to version 2.
    const edited = sampleDefinition();
    edited.questions[0]!.text = { en: "Agree or not?" };
    await updateSurveyDraft(db, { ...scope, surveyId: survey.id, definition: edited });
    expect(await findSurvey(db, { ...scope, surveyId: survey.id })).toMatchObject({ hasUnpublishedChanges: true, currentVersion: 1 });
    const v2 = await publishSurvey(db, { ...scope, surveyId: survey.id });
    expect(v2).toMatchObject({ version: 2, created: true });
    await submitSurveyResponse(db, { publicId: survey.publicId, answers: { q1: { s1: 3, s2: 3, s3: 3 }, q2: 1 } });
    const all = await listResponsesPage(db, { ...scope, surveyId: survey.id, limit: 10 });
    expect(all.map((r) => r.versionId)).toEqual([v1.versionId, v1.versionId, v2.versionId]);
    const page2 = await listResponsesPage(db, { ...scope, surveyId: survey.id, limit: 2, after: all[1]!.id });
    expect(page2.map((r) => r.id)).toEqual([all[2]!.id]);

    const summary = await summarizeResponses(db, { ...scope, surveyId: survey.id, language: "en" });
    expect(summary.responseCount).toBe(3);
    const battery = summary.questions[0]!;
    if (battery.type !== "likert_battery") throw new Error("expected a battery");
    expect(battery.text).toBe("Agree or not?");
    expect(battery.rows.map((r) => [r.id, r.mean, r.n])).toEqual([["s1", 4, 3], ["s2", 3, 3], ["s3", 2, 3]]);
    const choice = summary.questions[1]!;
    if (choice.type !== "single_choice") throw new Error("expected a single choice");
    expect(choice.options.map((o) => o.n)).toEqual([1, 0, 2]);
    expect(choice.answered).toBe(3);

    const matrix = await loadBatteryAnswers(db, { ...scope, surveyId: survey.id, questionId: "q1" });
    expect(matrix.rowIds).toEqual(["s1", "s2", "s3"]);
    expect(matrix.rowLabels[0]).toBe("I travel to relax");
    expect(matrix.values).toEqual([[5, 4, 1], [4, 2, 2], [3, 3, 3]]);
    expect(matrix.responseIds).toEqual(all.map((r) => r.id));

    // Publishing an unchanged draft makes no new version; closing refuses new answers but not a retry.
    expect(await publishSurvey(db, { ...scope, surveyId: survey.id })).toMatchObject({ version: 2, created: false });
    await closeSurvey(db, { ...scope, surveyId: survey.id });
    await expect(submitSurveyResponse(db, { publicId: survey.publicId, answers: { q1: { s1: 3, s2: 3, s3: 3 }, q2: 1 } })).rejects.toMatchObject({ code: "closed" });
    expect(await submitResponse(db, { input: { ...submission, answers: {} } })).toMatchObject({ responseId: first.responseId, duplicate: true });
    expect(await loadPublicSurvey(db, { publicId: survey.publicId })).toMatchObject({ status: "closed" });
    const listed = await listSurveysForStudy(db, { ...scope, studyId: study.id });
    expect(listed).toMatchObject([{ id: survey.id, status: "closed", currentVersion: 2, responseCount: 3 }]);
  });

  it("skips battery rows answered only in part and keeps optional questions optional", async () => {
    const db = t.db;
    const { workspace, study } = await createStudyFixture(db);
    const definition = sampleDefinition();
    definition.questions = definition.questions.map((q) => ({ ...q, required: false }));
    const survey = await createPublishedSurvey(db, { workspaceId: workspace.id, studyId: study.id, definition });
    await submitSurveyResponse(db, { publicId: survey.publicId, answers: { q1: { s1: 2 } } });
    await submitSurveyResponse(db, { publicId: survey.publicId, answers: { q1: { s1: 4, s2: 5, s3: 5 } } });
    await submitSurveyResponse(db, { publicId: survey.publicId, answers: {} });
    const matrix = await loadBatteryAnswers(db, { workspaceId: workspace.id, surveyId: survey.id, questionId: "q1" });
    expect(matrix.values).toEqual([[4, 5, 5]]);
    const summary = await summarizeResponses(db, { workspaceId: workspace.id, surveyId: survey.id, language: "fi" });
    const battery = summary.questions[0]!;
    if (battery.type !== "likert_battery") throw new Error("expected a battery");
    expect(battery.text).toBe("Kuinka samaa mieltä olet?");
    expect(battery.rows.map((r) => [r.mean, r.n])).toEqual([[3, 2], [5, 1], [5, 1]]);
    const choice = summary.questions[1]!;
    expect(choice.type === "single_choice" && choice.answered).toBe(0);
  });

  it("refuses a published question id coming back as another type", async () => {
    const db = t.db;
    const { workspace, study } = await createStudyFixture(db);
    const survey = await createPublishedSurvey(db, { workspaceId: workspace.id, studyId: study.id });
    const swapped = sampleDefinition();
    swapped.questions = swapped.questions.map((q) => ({ ...q, id: q.id === "q1" ? "q2" : "q1" }));
    await updateSurveyDraft(db, { workspaceId: workspace.id, surveyId: survey.id, definition: swapped });
    await expect(publishSurvey(db, { workspaceId: workspace.id, surveyId: survey.id })).rejects.toMatchObject({ code: "invalid" });
    expect(ZSurveyDefinition.safeParse(swapped).success).toBe(true);
  });

  it("lets a draft recode its “other” option but refuses publishing a changed published code", async () => {
    const db = t.db;
    const { workspace, study } = await createStudyFixture(db);
    const scope = { workspaceId: workspace.id };
    const withOther = (code: number) => ({
      languages: ["en"],
      defaultLanguage: "en",
      title: { en: "Channels" },
      questions: [
        {
          id: "channels",
          type: "multiple_choice",
          text: { en: "Which channels?" },
          options: [{ id: "web", code: 1, label: { en: "Web" } }, { id: "shop", code: 2, label: { en: "Shop" } }],
          other: { id: "other", code, label: { en: "Other" } },
        },
      ],
    });
    const survey = await createPublishedSurvey(db, { ...scope, studyId: study.id, definition: withOther(97) });
    await expect(updateSurveyDraft(db, { ...scope, surveyId: survey.id, definition: withOther(2) })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["questions", 0, "other", "code"], message: "Option code 2 is used twice" })],
    });
    await updateSurveyDraft(db, { ...scope, surveyId: survey.id, definition: withOther(99) });
    await expect(publishSurvey(db, { ...scope, surveyId: survey.id })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { "questions.0.other.code": [expect.stringContaining("published with code 97")] },
    });
    // A new survey's draft takes the edited code, and answers are stored with it.
    const fresh = await createPublishedSurvey(db, { ...scope, studyId: study.id, definition: withOther(99) });
    await expect(submitSurveyResponse(db, { publicId: fresh.publicId, answers: { channels: { codes: [99], other: "Radio" } } })).resolves.toMatchObject({ duplicate: false });
    await expect(submitSurveyResponse(db, { publicId: fresh.publicId, answers: { channels: { codes: [97], other: "Radio" } } })).rejects.toMatchObject({ code: "invalid" });
  });

  it("keeps workspace B away from workspace A's surveys", async () => {
    const db = t.db;
    const a = await createStudyFixture(db);
    const b = await createStudyFixture(db);
    const survey = await createPublishedSurvey(db, { workspaceId: a.workspace.id, studyId: a.study.id });
    await submitSurveyResponse(db, { publicId: survey.publicId, answers: { q1: { s1: 1, s2: 2, s3: 3 }, q2: 1 } });
    const asB = { workspaceId: b.workspace.id, surveyId: survey.id };
    expect(await findSurvey(db, asB)).toBeUndefined();
    expect(await listSurveysForStudy(db, { workspaceId: b.workspace.id, studyId: a.study.id })).toEqual([]);
    expect(await listResponsesPage(db, { ...asB, limit: 10 })).toEqual([]);
    await expect(summarizeResponses(db, { ...asB, language: "en" })).rejects.toMatchObject({ code: "not_found" });
    await expect(loadBatteryAnswers(db, { ...asB, questionId: "q1" })).rejects.toMatchObject({ code: "not_found" });
    await expect(publishSurvey(db, asB)).rejects.toMatchObject({ code: "not_found" });
    await expect(closeSurvey(db, asB)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateSurveyDraft(db, { ...asB, definition: sampleDefinition() })).rejects.toMatchObject({ code: "not_found" });
    await expect(createSurvey(db, { workspaceId: b.workspace.id, studyId: a.study.id, definition: sampleDefinition() })).rejects.toMatchObject({ code: "not_found" });
    expect(await findSurvey(db, { workspaceId: a.workspace.id, surveyId: "not-a-uuid" })).toBeUndefined();
  });
});
