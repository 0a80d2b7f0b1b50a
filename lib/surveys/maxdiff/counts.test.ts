import { describe, expect, it } from "vitest";
import { aggregateMaxDiffScores } from "./aggregate";
import { maxDiffAnswerSchema } from "./answer-schema";
import { countMaxDiffTasks, maxDiffTasks, scoreMaxDiffRespondent } from "./counts";
import { fitMaxDiffLogit, maxDiffPreferenceShares } from "./logit";

const itemIds = ["a", "b", "c", "d", "e", "f"];
const sets = [
  ["a", "b", "c"],
  ["b", "d", "e"],
  ["a", "c", "e"],
];
const first = {
  sets,
  answer: [
    { setIndex: 0, best: "a", worst: "c" },
    { setIndex: 1, best: "e", worst: "b" },
    { setIndex: 2, best: "c", worst: "a" },
  ],
};
const second = {
  sets,
  answer: [
    { setIndex: 2, best: "a", worst: "c" },
    { setIndex: 0, best: "a", worst: "b" },
    { setIndex: 1, best: "d", worst: "e" },
  ],
};

describe("scoreMaxDiffRespondent", () => {
  it("scores (best − worst) / shown per item, by hand", () => {
    expect(maxDiffAnswerSchema(sets).safeParse(first.answer).success).toBe(true);
    expect(scoreMaxDiffRespondent(itemIds, first)).toEqual([
      { itemId: "a", shown: 2, best: 1, worst: 1, score: 0 },
      { itemId: "b", shown: 2, best: 0, worst: 1, score: -0.5 },
      { itemId: "c", shown: 2, best: 1, worst: 1, score: 0 },
      { itemId: "d", shown: 1, best: 0, worst: 0, score: 0 },
      { itemId: "e", shown: 2, best: 1, worst: 0, score: 0.5 },
      { itemId: "f", shown: 0, best: 0, worst: 0, score: null },
    ]);
    expect(scoreMaxDiffRespondent(itemIds, second).map((entry) => entry.score)).toEqual([1, -0.5, -0.5, 1, -0.5, null]);
  });

  it("keeps every score in [−1, 1] and rejects unknown items", () => {
    const always = { sets, answer: sets.map((set, setIndex) => ({ setIndex, best: set[0], worst: set[2] })) };
    for (const entry of scoreMaxDiffRespondent(itemIds, always)) {
      if (entry.score !== null) expect(Math.abs(entry.score)).toBeLessThanOrEqual(1);
    }
    expect(() => countMaxDiffTasks(["a", "b"], [{ items: ["a", "b", "z"], best: "a", worst: "b" }])).toThrow(/unknown item "z"/);
  });

  it("counts a grouped task (count m) m times", () => {
    expect(countMaxDiffTasks(["a", "b", "c"], [{ items: ["a", "b", "c"], best: "b", worst: "c", count: 5 }])).toEqual([
      { itemId: "a", shown: 5, best: 0, worst: 0, score: 0 },
      { itemId: "b", shown: 5, best: 5, worst: 0, score: 1 },
      { itemId: "c", shown: 5, best: 0, worst: 5, score: -1 },
    ]);
  });
});

describe("aggregateMaxDiffScores", () => {
  const result = aggregateMaxDiffScores({ itemIds: itemIds.slice(0, 5), respondents: [first, second], itemsPerSet: 3 });

  it("sums counts and shares over respondents, by hand", () => {
    expect(result.respondents).toBe(2);
    expect(result.items.map(({ itemId, shown, best, worst }) => ({ itemId, shown, best, worst }))).toEqual([
      { itemId: "a", shown: 4, best: 3, worst: 1 },
      { itemId: "b", shown: 4, best: 0, worst: 2 },
      { itemId: "c", shown: 4, best: 1, worst: 2 },
      { itemId: "d", shown: 2, best: 1, worst: 0 },
      { itemId: "e", shown: 4, best: 1, worst: 1 },
    ]);
    expect(result.items.map((item) => item.bestShare)).toEqual([0.75, 0, 0.25, 0.5, 0.25]);
    expect(result.items.map((item) => item.worstShare)).toEqual([0.25, 0.5, 0.5, 0, 0.25]);
    expect(result.items.map((item) => item.bestMinusWorst)).toEqual([0.5, -0.5, -0.25, 0.5, 0]);
    expect(result.items.map((item) => item.meanRespondentScore)).toEqual([0.5, -0.5, -0.25, 0.5, 0]);
  });

  it("reports the pooled logit utilities and their preference shares", () => {
    const tasks = [first, second].flatMap(maxDiffTasks);
    const fit = fitMaxDiffLogit({ itemIds: itemIds.slice(0, 5), tasks });
    expect(result.items.map((item) => item.utility)).toEqual(fit.utilities);
    expect(result.items.map((item) => item.preferenceShare)).toEqual(maxDiffPreferenceShares(fit.utilities, 3));
    expect(result.items.reduce((sum, item) => sum + item.preferenceShare, 0)).toBeCloseTo(100, 10);
    expect(result.logit.converged).toBe(true);
    // a (best 3 of 4) is preferred to b (never best, worst twice).
    expect(result.items[0].utility).toBeGreaterThan(result.items[1].utility);
  });

  it("needs at least one respondent", () => {
    expect(() => aggregateMaxDiffScores({ itemIds, respondents: [], itemsPerSet: 3 })).toThrow(/at least one respondent/);
  });
});
