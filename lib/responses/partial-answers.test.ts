import { describe, expect, it } from "vitest";
import { qualityDefinition } from "./fixtures/quality-definition";
import { checkPartialAnswers } from "./partial-answers";

describe("checkPartialAnswers", () => {
  const definition = qualityDefinition();

  it("accepts a half-answered required battery and skips unanswered questions", () => {
    const check = checkPartialAnswers(definition, { q1: { s1: 3, s2: 4 }, q2: null });
    expect(check.fieldErrors).toEqual({});
    expect(check.answers).toEqual({ q1: { s1: 3, s2: 4 } });
  });
  it("drops blank values the form leaves behind", () => {
    expect(checkPartialAnswers(definition, { q1: {} }).answers).toEqual({});
  });
  it("rejects codes off the scale, unknown statements and unknown questions", () => {
    const check = checkPartialAnswers(definition, { q1: { s1: 9, zz: 1 }, q2: 1, nope: 1 });
    expect(Object.keys(check.fieldErrors).sort()).toEqual(["answers.nope", "answers.q1", "answers.q1.s1"].sort());
    expect(check.answers).toEqual({ q2: 1 });
  });
});
