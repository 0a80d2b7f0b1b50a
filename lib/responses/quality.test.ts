import { describe, expect, it } from "vitest";
import { qualityDefinition } from "./fixtures/quality-definition";
import { answerQualityFlags, failsAttentionCheck, isSpeeder, isStraightLined, longestRun, median, qualityFlags } from "./quality";

const battery = (values: number[]) => Object.fromEntries(values.map((value, i) => [`s${i + 1}`, value]));

describe("speeder rule", () => {
  it("flags durations under a third of the median, not at it", () => {
    expect(isSpeeder(99, 300)).toBe(true);
    expect(isSpeeder(100, 300)).toBe(false);
    expect(isSpeeder(5000, 300)).toBe(false);
  });
  it("never flags without a duration or a median", () => {
    expect(isSpeeder(null, 300)).toBe(false);
    expect(isSpeeder(10, undefined)).toBe(false);
    expect(isSpeeder(10, 0)).toBe(false);
  });
  it("takes the median of odd and even samples", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe("straight-lining", () => {
  it("measures the longest run", () => {
    expect(longestRun([1, 1, 2, 2, 2, 1])).toBe(3);
    expect(longestRun([])).toBe(0);
  });
  it("needs at least five statements", () => {
    expect(isStraightLined([3, 3, 3, 3])).toBe(false);
    expect(isStraightLined([3, 3, 3, 3, 3])).toBe(true);
  });
  it("counts a run over 80 % of the statements", () => {
    expect(isStraightLined([2, 5, 5, 5, 5, 5])).toBe(true); // 5 of 6 ≥ ceil(4.8)
    expect(isStraightLined([2, 5, 5, 5, 5, 1])).toBe(false); // 4 of 6
    expect(isStraightLined([1, 2, 1, 2, 1, 2])).toBe(false);
  });
});

describe("flags of a response", () => {
  const definition = qualityDefinition();

  it("flags a battery answered all on one point (here also failing the check)", () => {
    expect(answerQualityFlags(definition, { q1: battery([2, 2, 2, 2, 2, 2]) })).toEqual(["straight_liner", "attention_failed"]);
  });
  it("passes a varied battery with the check answered as asked", () => {
    expect(answerQualityFlags(definition, { q1: battery([1, 5, 2, 4, 3, 4]), q2: 1 })).toEqual([]);
  });
  it("fails a single-choice attention check answered otherwise, and ignores unanswered checks", () => {
    const withCheck = { ...definition, questions: definition.questions.map((q) => (q.type === "single_choice" ? { ...q, attentionCheck: { expectedCode: 2 } } : q)) };
    expect(failsAttentionCheck(withCheck, { q2: 1 })).toBe(true);
    expect(failsAttentionCheck(withCheck, { q2: 2 })).toBe(false);
    expect(failsAttentionCheck(withCheck, {})).toBe(false);
  });
  it("adds the speeder flag from the timing", () => {
    expect(qualityFlags(definition, { q1: battery([1, 5, 2, 4, 3, 4]) }, { durationMs: 1000, medianDurationMs: 60000 })).toEqual(["speeder"]);
  });
});
