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

  // Page 1: owns; page 2 (only for owners): brand, model; pages 2–3 shuffled; page 4 fixed.
  const paged = {
    languages: ["en"],
    defaultLanguage: "en",
    title: { en: "Pages" },
    questions: [
      { id: "owns", type: "single_choice", text: { en: "Own a car?" }, options: [{ id: "yes", code: 1, label: { en: "Yes" } }, { id: "no", code: 2, label: { en: "No" } }] },
      { id: "brand", type: "open_text", text: { en: "Brand?" }, pageBreakBefore: true, page: { randomize: true, randomizeQuestions: true, showIf: { questionId: "owns", operator: "equals", codes: [1] } } },
      { id: "model", type: "open_text", text: { en: "Model?" } },
      { id: "fuel", type: "open_text", text: { en: "Fuel?" }, pageBreakBefore: true, page: { randomize: true } },
      { id: "score", type: "nps", text: { en: "Recommend?" }, pageBreakBefore: true },
    ],
  };

  it("honours a page condition: a hidden page's questions are neither required nor accepted", async () => {
    const { workspace, study } = await createStudyFixture(t.db);
    const survey = await createPublishedSurvey(t.db, { workspaceId: workspace.id, studyId: study.id, definition: paged });
    const base = { publicId: survey.publicId, language: "en" as const };
    const key = () => `k-${randomUUID()}`;
    expect((await submitResponse(t.db, { input: { ...base, submissionKey: key(), answers: { owns: 2, fuel: "Gas", score: 3 } } })).duplicate).toBe(false);
    await expect(submitResponse(t.db, { input: { ...base, submissionKey: key(), answers: { owns: 2, model: "V70", fuel: "Gas", score: 3 } } })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { "answers.model": [HIDDEN_ANSWERED] },
    });
    await expect(submitResponse(t.db, { input: { ...base, submissionKey: key(), answers: { owns: 1, fuel: "Gas", score: 3 } } })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { "answers.brand": expect.any(Array), "answers.model": expect.any(Array) },
    });
    await expect(saveProgress(t.db, { input: { ...base, submissionKey: key(), answers: { owns: 2, brand: "Saab" } } })).rejects.toMatchObject({ code: "invalid" });
    expect((await submitResponse(t.db, { input: { ...base, submissionKey: key(), answers: { owns: 1, brand: "Saab", model: "900", fuel: "Gas", score: 3 } } })).duplicate).toBe(false);
  });

  it("stores the shuffled page order the server derives from the key", async () => {
    const { workspace, study } = await createStudyFixture(t.db);
    const survey = await createPublishedSurvey(t.db, { workspaceId: workspace.id, studyId: study.id, definition: paged });
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      // Fixed keys (unique within this new survey), so the orders seen are the same on every run.
      const key = `page-order-${i}`;
      await submitResponse(t.db, { input: { publicId: survey.publicId, submissionKey: key, answers: { owns: 1, brand: "Saab", model: "900", fuel: "Gas", score: 3 } } });
      const [row] = await t.db.select({ displayOrder: responses.displayOrder }).from(responses).where(eq(responses.submissionKey, key));
      const order = row!.displayOrder!;
      expect(order).toEqual(displayOrderOf(ZSurveyDefinition.parse(paged), key));
      expect(order.pages![0]).toBe("owns");
      expect(order.pages![3]).toBe("score");
      expect(order.questions).toHaveLength(5);
      seen.add(order.pages!.join());
    }
    // Both orders of the two shuffled pages turn up among these keys.
    expect(seen).toEqual(new Set(["owns,brand,fuel,score", "owns,fuel,brand,score"]));
  });
});
