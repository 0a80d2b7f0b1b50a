import { describe, expect, it } from "vitest";
import { listResponsesPage } from "@/db/queries/responses";
import { loadProgress, saveProgress } from "@/lib/responses/save-progress";
import { submitResponse } from "@/lib/surveys/submit-response";
import { parseCsv } from "@/lib/responses/csv";
import { exportResponses } from "@/lib/responses/export-responses";
import { ZSurveyDefinition, type SurveyDefinitionInput } from "@/lib/surveys/definition";
import { maxDiffVersionForKey } from "@/lib/surveys/maxdiff";
import { maxDiffSetsOf, type MaxDiffQuestion } from "@/lib/surveys/maxdiff-question";
import { loadPublicMaxDiffDesigns } from "@/lib/surveys/public-maxdiff-designs";
import { publishSurvey } from "@/lib/surveys/publish-survey";
import { summarizeResponses } from "@/lib/surveys/summarize-responses";
import { updateSurveyDraft } from "@/lib/surveys/update-survey-draft";
import { createPublishedSurvey, createStudyFixture, submitSurveyResponse } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

// Every simulated respondent ranks the items in this order: best = earliest in the set, worst = latest.
const PREFERENCE = ["price", "speed", "quality", "service", "brand", "safety"];

function definition(seed: number): SurveyDefinitionInput {
  return {
    languages: ["en"],
    defaultLanguage: "en",
    title: { en: "Motives" },
    questions: [
      {
        id: "motives",
        type: "maxdiff",
        text: { en: "Which matters most and least?" },
        required: true,
        items: PREFERENCE.map((id, i) => ({ id, code: i + 1, label: { en: id.toUpperCase() } })),
        itemsPerSet: 3,
        sets: 6,
        versions: 2,
        seed,
      },
    ],
  };
}

function consistentAnswer(question: MaxDiffQuestion, version: number) {
  const sets = maxDiffSetsOf(question)[version];
  const rank = (id: string) => PREFERENCE.indexOf(id);
  return {
    version,
    choices: sets.map((items, setIndex) => {
      const sorted = [...items].sort((a, b) => rank(a) - rank(b));
      return { setIndex, best: sorted[0], worst: sorted[sorted.length - 1] };
    }),
  };
}

const questionOf = (seed: number) => ZSurveyDefinition.parse(definition(seed)).questions[0] as MaxDiffQuestion;

describe.each(testDatabaseKinds())("MaxDiff questions on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("stores best–worst answers by item id, rejects bad ones and scores items from SQL-grouped tasks across survey versions", async () => {
    const db = t.db;
    const { workspace, study } = await createStudyFixture(db);
    const survey = await createPublishedSurvey(db, { workspaceId: workspace.id, studyId: study.id, definition: definition(11) });
    const first = questionOf(11);
    for (const version of [0, 1, 0]) await submitSurveyResponse(db, { publicId: survey.publicId, answers: { motives: consistentAnswer(first, version) } });

    const same = consistentAnswer(first, 0);
    same.choices[2]!.worst = same.choices[2]!.best;
    const error = await submitSurveyResponse(db, { publicId: survey.publicId, answers: { motives: same } }).catch((e) => e);
    expect(error).toMatchObject({ code: "invalid", fieldErrors: { "answers.motives.choices.2.worst": ["The best and the worst item must differ."] } });
    const unknownVersion = await submitSurveyResponse(db, { publicId: survey.publicId, answers: { motives: { ...consistentAnswer(first, 0), version: 2 } } }).catch((e) => e);
    expect(unknownVersion).toMatchObject({ code: "invalid" });

    // A new seed in a new published version gives another design; its answers still count, on its own sets.
    await updateSurveyDraft(db, { workspaceId: workspace.id, surveyId: survey.id, definition: ZSurveyDefinition.parse(definition(12)) });
    await publishSurvey(db, { workspaceId: workspace.id, surveyId: survey.id });
    const second = questionOf(12);
    expect(maxDiffSetsOf(second)).not.toEqual(maxDiffSetsOf(first));
    await submitSurveyResponse(db, { publicId: survey.publicId, answers: { motives: consistentAnswer(second, 1) } });

    const stored = await listResponsesPage(db, { workspaceId: workspace.id, surveyId: survey.id, limit: 10 });
    expect(stored).toHaveLength(4);
    expect(stored.map((r) => r.answers.motives)).toContainEqual(consistentAnswer(first, 1));

    const summary = await summarizeResponses(db, { workspaceId: workspace.id, surveyId: survey.id, language: "en" });
    const motives = summary.questions.find((q) => q.id === "motives");
    if (motives?.type !== "maxdiff") throw new Error("expected a MaxDiff summary");
    expect(motives.respondents).toBe(4);
    // 4 respondents × 6 sets × 3 items, each item shown 3 times per respondent.
    expect(motives.items.map((i) => i.shown)).toEqual([12, 12, 12, 12, 12, 12]);
    expect(motives.items.map((i) => i.id)).toEqual(PREFERENCE);
    expect(motives.items.map((i) => i.label)).toEqual(PREFERENCE.map((id) => id.toUpperCase()));
    const byId = Object.fromEntries(motives.items.map((i) => [i.id, i]));
    // The favourite is best whenever shown and never worst; the least liked the reverse.
    expect(byId.price).toMatchObject({ best: 12, worst: 0, bestMinusWorst: 12, score: 1 });
    expect(byId.safety).toMatchObject({ best: 0, worst: 12, bestMinusWorst: -12, score: -1 });
    expect(motives.items.reduce((sum, i) => sum + i.best, 0)).toBe(24);
    expect(motives.items.reduce((sum, i) => sum + i.worst, 0)).toBe(24);
    const shares = motives.items.map((i) => i.share!);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    expect(shares.every((share, i) => i === 0 || share < shares[i - 1]!)).toBe(true);

    // The export scores each respondent on the design of the version they answered: same ranking, same scores.
    const scope = { workspaceId: workspace.id, surveyId: survey.id };
    const csv = parseCsv(await new Response((await exportResponses(db, { ...scope, query: { format: "csv", labels: false } })).body).text());
    const [header, ...rows] = csv;
    const cell = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(rows).toHaveLength(4);
    expect(rows.map((row) => cell(row, "motives_price_score"))).toEqual(["1", "1", "1", "1"]);
    expect(rows.map((row) => cell(row, "motives_safety_score"))).toEqual(["-1", "-1", "-1", "-1"]);
    expect(rows.map((row) => cell(row, "motives_version"))).toEqual(["0", "1", "0", "1"]);
    const last = consistentAnswer(second, 1);
    const codeOf = (id: string) => String(PREFERENCE.indexOf(id) + 1);
    expect(cell(rows[3]!, "motives_set1_best")).toBe(codeOf(last.choices[0]!.best!));
    expect(cell(rows[3]!, "motives_set6_worst")).toBe(codeOf(last.choices[5]!.worst!));
    const codebook = parseCsv(await new Response((await exportResponses(db, { ...scope, query: { format: "codebook", labels: false } })).body).text());
    expect(codebook).toContainEqual(["motives_set1_best", "motives", "set1_best", "maxdiff", "Which matters most and least? — set 1, most", "1", "PRICE"]);
  });

  it("gives custom front ends the published designs and the version a submission key gets", async () => {
    const db = t.db;
    const { workspace, study } = await createStudyFixture(db);
    const survey = await createPublishedSurvey(db, { workspaceId: workspace.id, studyId: study.id, definition: definition(21) });
    const designs = await loadPublicMaxDiffDesigns(db, { publicId: survey.publicId, submissionKey: "browser-key-1" });
    expect(designs.surveyVersion).toBe(1);
    expect(designs.questions).toEqual([{ questionId: "motives", sets: maxDiffSetsOf(questionOf(21)), version: maxDiffVersionForKey("browser-key-1", 2) }]);
    const version = designs.questions[0]!.version!;
    const answer = consistentAnswer(questionOf(21), version);
    await expect(submitSurveyResponse(db, { publicId: survey.publicId, answers: { motives: answer } })).resolves.toMatchObject({ duplicate: false });
    await expect(loadPublicMaxDiffDesigns(db, { publicId: "nope" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("autosaves a half-answered MaxDiff, gives it back on return and still requires every set on submit", async () => {
    const { workspace, study } = await createStudyFixture(t.db);
    const survey = await createPublishedSurvey(t.db, { workspaceId: workspace.id, studyId: study.id, definition: definition(5) });
    const complete = consistentAnswer(questionOf(5), 1);
    const half = { version: 1, choices: complete.choices.map((choice, i) => (i < 3 ? choice : { setIndex: choice.setIndex, best: "", worst: "" })) };
    const key = { publicId: survey.publicId, submissionKey: "maxdiff-half-1" };
    expect(await saveProgress(t.db, { input: { ...key, answers: { motives: half }, lastQuestionId: "motives" } })).toMatchObject({ status: "partial" });
    expect(await loadProgress(t.db, { input: key })).toEqual({ status: "partial", answers: { motives: half }, lastQuestionId: "motives" });
    // A pick that was never shown in its set is refused even mid-way.
    const tampered = { ...half, choices: half.choices.map((c, i) => (i === 3 ? { ...c, best: "nope" } : c)) };
    await expect(saveProgress(t.db, { input: { ...key, answers: { motives: tampered } } })).rejects.toMatchObject({ code: "invalid" });
    await expect(submitResponse(t.db, { input: { ...key, answers: { motives: half } } })).rejects.toMatchObject({ code: "invalid" });
    expect(await submitResponse(t.db, { input: { ...key, answers: { motives: complete } } })).toMatchObject({ duplicate: false });
  });
});
