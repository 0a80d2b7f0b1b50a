import { describe, expect, it } from "vitest";
import { listResponsesPage } from "@/db/queries/responses";
import { allTypesAnswers, allTypesDefinition } from "@/lib/surveys/fixtures/all-types-definition";
import type { QuestionSummary, SummaryOf } from "@/lib/surveys/question-summaries";
import { submitResponse } from "@/lib/surveys/submit-response";
import { summarizeResponses } from "@/lib/surveys/summarize-responses";
import { createPublishedSurvey, createStudyFixture, submitSurveyResponse } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

function pick<T extends QuestionSummary["type"]>(questions: QuestionSummary[], id: string, type: T) {
  const found = questions.find((q) => q.id === id);
  if (found?.type !== type) throw new Error(`expected ${id} to be ${type}`);
  return found as SummaryOf<T>;
}

describe.each(testDatabaseKinds())("question types on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("takes valid answers of every type, rejects out-of-range ones and summarises them in SQL", async () => {
    const db = t.db;
    const { workspace, study } = await createStudyFixture(db);
    const survey = await createPublishedSurvey(db, { workspaceId: workspace.id, studyId: study.id, definition: allTypesDefinition() });
    const base = allTypesAnswers();
    const answerSets = [
      base,
      { ...base, channels: { codes: [2] }, calm: 2, value: 2.5, recommend: 10, nights: 0, comment: undefined, priorities: ["price", "food"], budget: { stay: 100 } },
      { ...base, channels: { codes: [1, 2] }, calm: 5, value: 10, recommend: 3, nights: 31, comment: "Quiet places", priorities: ["price", "place"], budget: { stay: 20, travel: 20, fun: 60 } },
      { ...base, channels: { codes: [3] }, calm: 4, value: 5, recommend: 7, nights: 7, comment: "", priorities: ["food", "price"], budget: { travel: 100 } },
    ];
    for (const answers of answerSets) await submitSurveyResponse(db, { publicId: survey.publicId, answers });

    const bad = { ...base, recommend: 11, budget: { stay: 50, travel: 49 }, priorities: ["price", "price"], channels: { codes: [97] } };
    const error = await submitSurveyResponse(db, { publicId: survey.publicId, answers: bad }).catch((e) => e);
    expect(error).toMatchObject({ code: "invalid" });
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["answers.budget", "answers.channels.other", "answers.priorities", "answers.recommend"]);
    // The server words its messages in the response's language (fi here); the survey has Finnish.
    const finnish = await submitResponse(db, { input: { publicId: survey.publicId, submissionKey: "fi-bad-1", language: "fi", answers: { ...bad, nights: 400 } } }).catch((e) => e);
    expect(finnish.fieldErrors).toMatchObject({
      "answers.budget": ["Pisteiden summan on oltava tasan 100."],
      "answers.nights": ["Anna enintään 365."],
      "answers.channels.other": ["Täsmennä vastauksesi."],
    });
    // A language the survey lacks falls back to its default (English).
    const swedish = await submitResponse(db, { input: { publicId: survey.publicId, submissionKey: "sv-bad-1", language: "sv", answers: bad } }).catch((e) => e);
    expect(swedish.fieldErrors["answers.budget"]).toEqual(["The points must add up to exactly 100."]);
    const stored = await listResponsesPage(db, { workspaceId: workspace.id, surveyId: survey.id, limit: 10 });
    expect(stored).toHaveLength(4);
    // Codes and ids are stored, never labels; the other text and open text as plain strings.
    expect(stored[0]!.answers).toEqual(base);
    expect(stored[1]!.answers.budget).toEqual({ stay: 100, travel: 0, fun: 0 });
    expect("comment" in stored[3]!.answers).toBe(false);

    const summary = await summarizeResponses(db, { workspaceId: workspace.id, surveyId: survey.id, language: "en" });
    expect(summary.responseCount).toBe(4);
    const channels = pick(summary.questions, "channels", "multiple_choice");
    expect(channels.answered).toBe(4);
    expect(channels.options.map((o) => [o.label, o.n, o.share])).toEqual([
      ["Website", 2, 0.5],
      ["Travel agent", 2, 0.5],
      ["Phone", 1, 0.25],
      ["Other, please specify", 1, 0.25],
    ]);
    expect(channels.otherTexts).toEqual(["A friend"]);
    const calm = pick(summary.questions, "calm", "likert_item");
    expect(calm.mean).toBe(3.75);
    expect(calm.options.map((o) => o.n)).toEqual([0, 1, 0, 2, 1]);
    expect(pick(summary.questions, "value", "rating")).toMatchObject({ n: 4, mean: 6.25, median: 6.25, min: 2.5, max: 10 });
    const nights = pick(summary.questions, "nights", "numeric");
    expect(nights).toMatchObject({ n: 4, mean: 13, median: 10.5, min: 0, max: 31 });
    expect(nights.sd).toBeCloseTo(Math.sqrt(530 / 3), 6);
    expect(pick(summary.questions, "recommend", "nps")).toMatchObject({ n: 4, promoters: 2, passives: 1, detractors: 1, score: 25 });
    const comment = pick(summary.questions, "comment", "open_text");
    expect(comment.answered).toBe(2);
    expect(comment.latest.sort()).toEqual(["<script>alert(1)</script>", "Quiet places"]);
    const priorities = pick(summary.questions, "priorities", "ranking");
    expect(priorities.answered).toBe(4);
    expect(priorities.items.map((i) => [i.id, i.n, i.meanRank, i.first])).toEqual([
      ["price", 4, 1.5, 2],
      ["place", 2, 1.5, 1],
      ["food", 2, 1.5, 1],
    ]);
    const budget = pick(summary.questions, "budget", "constant_sum");
    expect(budget.answered).toBe(4);
    expect(budget.items.map((i) => [i.id, i.mean])).toEqual([
      ["stay", 42.5],
      ["travel", 37.5],
      ["fun", 20],
    ]);
  });

  it("summarises nothing for a survey without answers and ignores answers of another shape under a question id", async () => {
    const db = t.db;
    const { workspace, study } = await createStudyFixture(db);
    const survey = await createPublishedSurvey(db, { workspaceId: workspace.id, studyId: study.id, definition: allTypesDefinition() });
    const empty = await summarizeResponses(db, { workspaceId: workspace.id, surveyId: survey.id, language: "fi" });
    expect(pick(empty.questions, "recommend", "nps")).toMatchObject({ n: 0, score: null });
    expect(pick(empty.questions, "budget", "constant_sum").items.every((i) => i.mean === null)).toBe(true);
    await expect(submitResponse(db, { input: { publicId: survey.publicId, submissionKey: "shape-test-1", answers: { ...allTypesAnswers(), priorities: "price" } } })).rejects.toMatchObject({ code: "invalid" });
  });
});
