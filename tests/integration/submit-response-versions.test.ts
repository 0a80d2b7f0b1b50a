import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { publishSurvey } from "@/lib/surveys/publish-survey";
import { submitResponse } from "@/lib/surveys/submit-response";
import { updateSurveyDraft } from "@/lib/surveys/update-survey-draft";
import { createPublishedSurvey, createStudyFixture } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

// The submit path caches each version's compiled answers schema per process; a new version must
// be validated with its own schema at once, and responses tied to the version they answered.
function definition(codes: number[]) {
  return {
    languages: ["en"],
    defaultLanguage: "en",
    title: { en: "Versions" },
    questions: [{ id: "q1", type: "single_choice", text: { en: "Pick" }, options: codes.map((code) => ({ id: `o${code}`, code, label: { en: `Option ${code}` } })) }],
  };
}

describe.each(testDatabaseKinds())("submitting across survey versions on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("validates against the current version, even after an earlier version was cached", async () => {
    const db = t.db;
    const { workspace, study } = await createStudyFixture(db);
    const survey = await createPublishedSurvey(db, { workspaceId: workspace.id, studyId: study.id, definition: definition([1, 2]) });
    const submit = (answers: Record<string, unknown>) => submitResponse(db, { input: { publicId: survey.publicId, submissionKey: `key-${randomUUID()}`, answers } });

    const first = await submit({ q1: 2 });
    expect(first.versionId).toBe(survey.versionId);
    await expect(submit({ q1: 3 })).rejects.toMatchObject({ code: "invalid" });

    await updateSurveyDraft(db, { workspaceId: workspace.id, surveyId: survey.id, definition: definition([1, 2, 3]) });
    const second = await publishSurvey(db, { workspaceId: workspace.id, surveyId: survey.id });
    const later = await submit({ q1: 3 });
    expect(later.versionId).toBe(second.versionId);
    expect(later.versionId).not.toBe(first.versionId);
    await expect(submit({ q1: 4 })).rejects.toMatchObject({ code: "invalid" });
  });
});
