import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { responses } from "@/db/schema";
import { saveProgress } from "@/lib/responses/save-progress";
import { HIDDEN_ANSWERED } from "@/lib/surveys/answers";
import { ZSurveyDefinition } from "@/lib/surveys/definition";
import { displayOrderOf } from "@/lib/surveys/display-order";
import { submitResponse } from "@/lib/surveys/submit-response";
import { createPublishedSurvey, createStudyFixture } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

const definition = {
  languages: ["en"],
  defaultLanguage: "en",
  title: { en: "Cars" },
  randomizeQuestions: true,
  questions: [
    {
      id: "owns",
      type: "single_choice",
      text: { en: "Do you own a car?" },
      randomizeOptions: true,
      options: [
        { id: "yes", code: 1, label: { en: "Yes" } },
        { id: "no", code: 2, label: { en: "No" } },
        { id: "soon", code: 3, label: { en: "Soon" } },
      ],
    },
    { id: "brand", type: "open_text", text: { en: "Which brand?" }, showIf: { questionId: "owns", operator: "equals", codes: [1] } },
    { id: "score", type: "nps", text: { en: "Recommend us?" } },
  ],
};

describe.each(testDatabaseKinds())("survey logic on %s", (kind) => {
  const t = useTestDatabase(kind);

  async function published() {
    const { workspace, study } = await createStudyFixture(t.db);
    return createPublishedSurvey(t.db, { workspaceId: workspace.id, studyId: study.id, definition });
  }

  it("does not require a hidden question and rejects an answer to it", async () => {
    const survey = await published();
    const base = { publicId: survey.publicId, language: "en" as const };
    const ok = await submitResponse(t.db, { input: { ...base, submissionKey: `k-${randomUUID()}`, answers: { owns: 2, score: 9 } } });
    expect(ok.duplicate).toBe(false);
    await expect(submitResponse(t.db, { input: { ...base, submissionKey: `k-${randomUUID()}`, answers: { owns: 2, brand: "Volvo", score: 9 } } })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { "answers.brand": [HIDDEN_ANSWERED] },
    });
    await expect(submitResponse(t.db, { input: { ...base, submissionKey: `k-${randomUUID()}`, answers: { owns: 1, score: 9 } } })).rejects.toMatchObject({ code: "invalid" });
    await expect(saveProgress(t.db, { input: { ...base, submissionKey: `k-${randomUUID()}`, answers: { owns: 3, brand: "Saab" } } })).rejects.toMatchObject({ code: "invalid" });
  });

  it("stores the order the server derives from the key, on autosave and on submit", async () => {
    const survey = await published();
    const key = `k-${randomUUID()}`;
    const expected = displayOrderOf(ZSurveyDefinition.parse(definition), key);
    expect(expected?.questions).toHaveLength(3);
    await saveProgress(t.db, { input: { publicId: survey.publicId, submissionKey: key, answers: { owns: 1 } } });
    const [partial] = await t.db.select({ displayOrder: responses.displayOrder }).from(responses).where(eq(responses.submissionKey, key));
    expect(partial!.displayOrder).toEqual(expected);
    await submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: key, answers: { owns: 1, brand: "Volvo", score: 10 } } });
    const [complete] = await t.db.select({ displayOrder: responses.displayOrder, status: responses.status }).from(responses).where(eq(responses.submissionKey, key));
    expect(complete).toEqual({ displayOrder: expected, status: "complete" });
  });
});
