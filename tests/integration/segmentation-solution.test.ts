import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { sql } from "drizzle-orm";
import { insertSegmentation } from "@/db/queries/segmentations";
import { listMembershipExport } from "@/db/queries/segment-descriptors";
import { AppError } from "@/lib/errors";
import { listPersonasOfStudy } from "@/db/queries/personas";
import { personaFacts } from "@/lib/personas/persona-facts";
import { savePersona } from "@/lib/personas/save-persona";
import { getSegmentation } from "@/lib/segmentation/get-segmentation";
import { saveSegmentation } from "@/lib/segmentation/save-segmentation";
import { ZRunSegmentationInput } from "@/lib/segmentation/schemas";
import { assignNewRespondents } from "@/lib/segmentation/solution/assign-new-respondents";
import { compareSolutions } from "@/lib/segmentation/solution/compare-solutions";
import { describeSolution } from "@/lib/segmentation/solution/describe-solution";
import type { CategoricalDescriptor, NumericDescriptor } from "@/lib/segmentation/solution/descriptors";
import { loadSolutionMap } from "@/lib/segmentation/solution/load-solution-map";
import { saveRuleBasedSegmentation } from "@/lib/segmentation/solution/save-rule-based";
import { loadSizesOverTime } from "@/lib/segmentation/solution/sizes-over-time";
import { ZSurveyDefinition } from "@/lib/surveys/definition";
import { maxDiffSetsOf, type MaxDiffQuestion } from "@/lib/surveys/maxdiff-question";
import { insertMetricSnapshot } from "@/tests/helpers/customer-metric-fixtures";
import { createStudyFixture } from "@/tests/helpers/factories";
import { BATTERY_ID, batterySurveyDefinition, createBatterySurvey, insertBatteryResponses, twoGroupAnswers } from "@/tests/helpers/segment-fixtures";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

/** 60 + 40 respondents in two clear groups, customers cust-0..cust-99, and a saved k = 2 solution. */
async function seededSolution(db: Database) {
  const { owner, workspace, study } = await createStudyFixture(db);
  const { surveyId, versionId } = await createBatterySurvey(db, { workspaceId: workspace.id, studyId: study.id });
  const rows = twoGroupAnswers(60, 40);
  const customerIds = rows.map((_, i) => `cust-${i}`);
  const responseIds = await insertBatteryResponses(db, { workspaceId: workspace.id, surveyId, versionId, rows, customerIds });
  const base = { workspaceId: workspace.id, studyId: study.id };
  const input = ZRunSegmentationInput.parse({ surveyId, questionId: BATTERY_ID, k: 2, restarts: 5, seed: 4 });
  const saved = await saveSegmentation(db, { ...base, userId: owner.id, input });
  const solution = (await getSegmentation(db, { workspaceId: workspace.id, segmentationId: saved.id }))!;
  return { owner, workspace, study, surveyId, versionId, rows, responseIds, base, solution };
}

/** The first group are big spending Champions, the second churned Hibernating customers; 10 respondents match no customer. */
async function seedMetrics(db: Database, base: { workspaceId: string; studyId: string }) {
  const rows = Array.from({ length: 90 }, (_, i) => {
    const first = i < 60;
    return {
      customerExternalId: `cust-${i}`,
      rfmSegment: first ? "Champions" : "Hibernating",
      engagementTier: first ? (i % 2 ? "Power" : "Active") : "Dormant",
      monetary: first ? 1000 + i : 50 + i,
      frequency: first ? 10 : 1,
      recencyDays: first ? 5 : 300,
      scores: (first ? [5, 5, 4] : [1, 1, 2]) as [number, number, number],
      churned: !first,
    };
  });
  // An older snapshot says the opposite: only the latest one may count.
  await insertMetricSnapshot(db, { ...base, computedAt: new Date("2025-01-01"), rows: rows.map((row) => ({ ...row, rfmSegment: "Lost" })) });
  return insertMetricSnapshot(db, { ...base, computedAt: new Date("2026-01-02"), referenceDate: "2026-01-01", rows });
}

describe.each(testDatabaseKinds())("a saved solution on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("describes segments with tests, effect sizes and KPIs from the latest customer metrics", async () => {
    const db = t.db;
    const { base, solution } = await seededSolution(db);
    await seedMetrics(db, base);
    const description = await describeSolution(db, { workspaceId: base.workspaceId, solution });
    expect(description.assignedCount).toBe(100);
    expect(description.matchedCount).toBe(90);
    expect(description.snapshot?.referenceDate).toBe("2026-01-01");

    const gender = description.descriptors.find((d) => d.id === "gender") as CategoricalDescriptor;
    // The fixture alternates gender, so it cannot tell the segments apart.
    expect(gender.test).toMatchObject({ name: "chi_square", df: [1] });
    expect(gender.test!.pValue).toBeGreaterThan(0.5);
    expect(gender.segments[0]!.shares).toEqual([0.5, 0.5]);

    const rfm = description.descriptors.find((d) => d.id === "customer.rfm_segment") as CategoricalDescriptor;
    expect(rfm.categories.map((c) => c.key)).toEqual(["Champions", "Hibernating"]);
    expect(rfm.segments[0]!.shares).toEqual([1, 0]);
    expect(rfm.test!.effect.value).toBeCloseTo(1, 10);
    expect(rfm.test!.pValue).toBeLessThan(1e-10);

    const spend = description.descriptors.find((d) => d.id === "customer.monetary") as NumericDescriptor;
    expect(spend.segments[0]!.n).toBe(60);
    expect(spend.segments[1]!.n).toBe(30);
    expect(spend.segments[0]!.mean).toBeCloseTo(1029.5, 10);
    expect(spend.test?.reason).not.toBe("ordinal");

    const [first, second] = description.kpis.segments;
    expect(first).toMatchObject({ size: 60, matched: 60, churnRate: 0, rfmMix: [{ key: "Champions", share: 1 }] });
    expect(second).toMatchObject({ size: 40, matched: 30, churnRate: 1 });
    expect(first!.ltv).toBeCloseTo(1029.5, 10);
  });

  it("describes MaxDiff items by each respondent's counting score, read with the design of the version answered", async () => {
    const db = t.db;
    const { base, solution, surveyId, versionId, responseIds } = await seededSolution(db);
    // The survey's version also asked a MaxDiff: the first group (segment 1) picks a as best (b every fourth respondent) and d as worst, the second the reverse.
    const definition = ZSurveyDefinition.parse({
      ...batterySurveyDefinition(),
      questions: [
        ...batterySurveyDefinition().questions,
        { id: "md", type: "maxdiff", text: { en: "Most and least important" }, items: ["a", "b", "c", "d"].map((id, i) => ({ id, code: i + 1, label: { en: id.toUpperCase() } })), itemsPerSet: 3, seed: 5 },
      ],
    });
    const question = definition.questions.find((q) => q.id === "md") as MaxDiffQuestion;
    await db.execute(sql`update survey_versions set definition = ${JSON.stringify(definition)}::jsonb where id = ${versionId}`);
    await db.execute(sql`update surveys set definition = ${JSON.stringify(definition)}::jsonb where id = ${surveyId}`);
    const sets = maxDiffSetsOf(question)[0]!;
    const answerOf = (best: string, worst: string) => ({
      version: 0,
      choices: sets.map((set, setIndex) => ({ setIndex, best: set.includes(best) ? best : set.find((item) => item !== worst)!, worst: set.includes(worst) ? worst : set.findLast((item) => item !== best)! })),
    });
    for (const [index, id] of responseIds.entries()) {
      const answer = index < 60 ? answerOf(index % 4 === 0 ? "b" : "a", "d") : answerOf("d", "a");
      await db.execute(sql`update responses set answers = answers || jsonb_build_object('md', ${JSON.stringify(answer)}::jsonb) where id = ${id}`);
    }
    const description = await describeSolution(db, { workspaceId: base.workspaceId, solution });
    const itemA = description.descriptors.find((d) => d.id === "md.a") as NumericDescriptor;
    expect(itemA).toMatchObject({ label: "Most and least important · A", kind: "numeric" });
    expect(itemA.segments.map((segment) => segment.n)).toEqual([60, 40]);
    // 45 of the first group score a at 1; the other 15 never pick or reject it in this design: 0.
    expect(itemA.segments[0]!.mean).toBe(0.75);
    expect(itemA.segments[1]!.mean).toBe(-1);
    expect(itemA.test!.pValue).toBeLessThan(1e-10);
    const itemD = description.descriptors.find((d) => d.id === "md.d") as NumericDescriptor;
    expect(itemD.segments.map((segment) => segment.mean)).toEqual([-1, 1]);
  });

  it("assigns later respondents by nearest centroid, reproducing the partition for the same answers", async () => {
    const db = t.db;
    const { base, solution, surveyId, versionId, rows, responseIds } = await seededSolution(db);
    // A new wave: the same 100 answer patterns again, plus one response that skipped a statement.
    const copies = await insertBatteryResponses(db, { workspaceId: base.workspaceId, surveyId, versionId, rows });
    await insertBatteryResponses(db, { workspaceId: base.workspaceId, surveyId, versionId, rows: [[5, 5, 5]] });
    const now = new Date("2026-03-01T12:00:00Z");
    const outcome = await assignNewRespondents(db, { workspaceId: base.workspaceId, segmentationId: solution.id, now });
    expect(outcome).toEqual({ assignedBySegment: [60, 40], assigned: 100, incomplete: 1 });

    const members = await listMembershipExport(db, { workspaceId: base.workspaceId, segmentationId: solution.id });
    expect(members).toHaveLength(200);
    const segmentOf = new Map(members.map((m) => [m.responseId, m.segmentId]));
    copies.forEach((copy, i) => expect(segmentOf.get(copy), `copy ${i}`).toBe(segmentOf.get(responseIds[i]!)));
    const copy = members.find((m) => m.responseId === copies[0]);
    expect(copy).toMatchObject({ assignedLater: true, assignedAt: now });
    expect(members.find((m) => m.responseId === responseIds[0])!.assignedLater).toBe(false);

    // The saved solution is unchanged, and a second run finds nothing new.
    const after = (await getSegmentation(db, { workspaceId: base.workspaceId, segmentationId: solution.id }))!;
    expect(after.summary.segments.map((s) => s.size)).toEqual([60, 40]);
    expect(await assignNewRespondents(db, { workspaceId: base.workspaceId, segmentationId: solution.id })).toMatchObject({ assigned: 0, incomplete: 1 });

    const sizes = await loadSizesOverTime(db, { workspaceId: base.workspaceId, segmentationId: solution.id, k: 2 });
    expect(sizes.counts.reduce((sum, month) => sum + month[0]! + month[1]!, 0)).toBe(200);
    expect(sizes.later.reduce((sum, month) => sum + month[0]! + month[1]!, 0)).toBe(100);
  });

  it("reuses a stored standardisation when assigning", async () => {
    const db = t.db;
    const { base, owner, surveyId, versionId } = await seededSolution(db);
    // Centroids in z-scores (center 3, scale 2): the first one means "rest and nature high".
    const { id } = await insertSegmentation(db, {
      ...base,
      surveyId,
      name: "Standardised",
      config: { standardization: { center: [3, 3, 3, 3], scale: [2, 2, 2, 2] } },
      k: 2,
      seed: 1,
      restarts: 1,
      variables: ["rest", "culture", "nature", "nightlife"].map((row) => ({ id: `${BATTERY_ID}.${row}`, label: row })),
      centroids: [[1, -1, 1, -1], [-1, 1, -1, 1]],
      totalMeans: [0, 0, 0, 0],
      withinSS: 1,
      respondentCount: 0,
      createdBy: owner.id,
      segments: [{ name: "A", size: 0, means: [1, -1, 1, -1] }, { name: "B", size: 0, means: [-1, 1, -1, 1] }],
      assignments: { responseIds: [], positions: [] },
    });
    const [newcomer] = await insertBatteryResponses(db, { workspaceId: base.workspaceId, surveyId, versionId, rows: [[2, 5, 1, 4]] });
    const outcome = await assignNewRespondents(db, { workspaceId: base.workspaceId, segmentationId: id });
    expect(outcome.assigned).toBe(101);
    const members = await listMembershipExport(db, { workspaceId: base.workspaceId, segmentationId: id });
    expect(members.find((m) => m.responseId === newcomer)!.segmentName).toBe("B");
  });

  it("saves RFM named segments and engagement tiers as solutions that personas and descriptors can use", async () => {
    const db = t.db;
    const { base, owner, solution } = await seededSolution(db);
    await expect(saveRuleBasedSegmentation(db, { ...base, userId: owner.id, input: { method: "rfm_segments" } })).rejects.toThrow(/customer metrics/);
    await seedMetrics(db, base);
    const saved = await saveRuleBasedSegmentation(db, { ...base, userId: owner.id, input: { method: "rfm_segments" } });
    expect(saved.name).toBe("RFM segments · 2026-01-01");
    const rfm = (await getSegmentation(db, { workspaceId: base.workspaceId, segmentationId: saved.id }))!;
    expect(rfm).toMatchObject({ method: "rfm_segments", survey: null });
    expect(rfm.summary.segments.map((s) => [s.name, s.size])).toEqual([["Champions", 60], ["Hibernating", 30]]);
    expect(rfm.summary.variables.map((v) => v.id)).toEqual(["customer.recency_score", "customer.frequency_score", "customer.monetary_score"]);
    expect(rfm.summary.segments[0]!.means).toEqual([5, 5, 4]);
    expect(rfm.centroids).toEqual([[5, 5, 4], [1, 1, 2]]);
    const facts = personaFacts(rfm.summary.segments[0]!, { ...rfm.summary, respondentCount: rfm.summary.respondentCount });
    expect(facts.share).toBeCloseTo(60 / 90);
    expect(facts.distinctive.above.map((v) => v.id)).toContain("customer.recency_score");
    // A persona on a rule-based segment, listed like any other.
    const personaInput = { name: "Chloe Champion", summary: "Buys often", goals: [], pains: [], actions: [], status: "published" as const };
    await savePersona(db, { workspaceId: base.workspaceId, segmentId: rfm.segmentIds[0]!, userId: owner.id, input: personaInput, mayRenameSegment: true });
    const personas = await listPersonasOfStudy(db, { workspaceId: base.workspaceId, studyId: base.studyId, publishedOnly: true });
    expect(personas.map((p) => p.name)).toContain("Chloe Champion");

    const description = await describeSolution(db, { workspaceId: base.workspaceId, solution: rfm });
    expect(description.assignedCount).toBe(90);
    expect(description.descriptors.some((d) => d.id === "gender")).toBe(true);
    await expect(assignNewRespondents(db, { workspaceId: base.workspaceId, segmentationId: saved.id })).rejects.toThrow(AppError);
    expect(await loadSolutionMap(db, { workspaceId: base.workspaceId, solution: rfm })).toMatchObject({ ok: false });

    const tiers = await saveRuleBasedSegmentation(db, { ...base, userId: owner.id, input: { method: "engagement_tiers", name: "Tiers" } });
    const tierSolution = (await getSegmentation(db, { workspaceId: base.workspaceId, segmentationId: tiers.id }))!;
    expect(tierSolution.summary.segments.map((s) => [s.name, s.size])).toEqual([["Active", 30], ["Dormant", 30], ["Power", 30]]);

    // The k-means solution against the RFM one: the first group is exactly the Champions.
    const comparison = await compareSolutions(db, { workspaceId: base.workspaceId, solution, otherId: saved.id });
    expect(comparison.table).toEqual([[60, 0], [0, 30]]);
    expect(comparison.common).toBe(90);
    expect(comparison.ari).toBeCloseTo(1, 10);
  });

  it("compares a solution with itself (ARI 1) and refuses solutions of other studies", async () => {
    const db = t.db;
    const { base, solution } = await seededSolution(db);
    const self = await compareSolutions(db, { workspaceId: base.workspaceId, solution, otherId: solution.id });
    expect(self.table).toEqual([[60, 0], [0, 40]]);
    expect(self.ari).toBe(1);
    const elsewhere = await seededSolution(db);
    await expect(compareSolutions(db, { workspaceId: base.workspaceId, solution, otherId: elsewhere.solution.id })).rejects.toThrow(AppError);
    await expect(assignNewRespondents(db, { workspaceId: base.workspaceId, segmentationId: elsewhere.solution.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("draws the map from the basis answers", async () => {
    const db = t.db;
    const { base, solution } = await seededSolution(db);
    const result = await loadSolutionMap(db, { workspaceId: base.workspaceId, solution });
    if (!result.ok) throw new Error(result.reason);
    expect(result.map.points).toHaveLength(100);
    expect(result.map.arrows.map((a) => a.id)).toEqual(solution.summary.variables.map((v) => v.id));
    expect(result.map.explained[0]).toBeGreaterThan(0.5);
  });
});
