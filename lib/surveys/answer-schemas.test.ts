import { describe, expect, it } from "vitest";
import { ANSWER_REQUIRED, answersSchema } from "./answers";
import { ZSurveyDefinition } from "./definition";
import { allTypesAnswers, allTypesDefinition } from "./fixtures/all-types-definition";

const definition = ZSurveyDefinition.parse(allTypesDefinition());
const schema = answersSchema(definition);
const valid = allTypesAnswers();

/** Error paths (joined) of the answers with one question's answer replaced. */
function errorsWith(questionId: string, answer: unknown) {
  const result = schema.safeParse({ ...valid, [questionId]: answer });
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
}
const accepts = (questionId: string, answer: unknown) => expect(errorsWith(questionId, answer)).toEqual([]);
const rejects = (questionId: string, answer: unknown) => expect(errorsWith(questionId, answer).length).toBeGreaterThan(0);

describe("answersSchema for every question type", () => {
  it("accepts a full valid set and keeps open text as typed (trimmed), not interpreted", () => {
    const parsed = schema.parse(valid);
    expect(parsed).toEqual(valid);
  });

  it("multiple choice: known codes, at most max, other text only with the other code", () => {
    accepts("channels", { codes: [2] });
    rejects("channels", { codes: [] });
    rejects("channels", { codes: [1, 2, 3] });
    rejects("channels", { codes: [4] });
    rejects("channels", { codes: [1, 1] });
    rejects("channels", { codes: [97] });
    rejects("channels", { codes: [97], other: "   " });
    rejects("channels", { codes: [97], other: "x".repeat(501) });
    rejects("channels", 1);
    expect(schema.parse({ ...valid, channels: { codes: [1], other: "dropped" } }).channels).toEqual({ codes: [1] });
    expect(schema.parse({ ...valid, channels: { codes: [97], other: "  Friend " } }).channels).toEqual({ codes: [97], other: "Friend" });
  });

  it("Likert item: a code on the scale", () => {
    accepts("calm", 1);
    rejects("calm", 6);
    rejects("calm", "4");
  });

  it("rating: within min..max on the step grid", () => {
    accepts("value", 0);
    accepts("value", 10);
    rejects("value", 10.5);
    rejects("value", -0.5);
    rejects("value", 7.25);
  });

  it("NPS: a whole number 0–10", () => {
    accepts("recommend", 0);
    rejects("recommend", 11);
    rejects("recommend", 8.5);
  });

  it("numeric: whole numbers within the range; NaN (a form's blank) means missing", () => {
    accepts("nights", 0);
    rejects("nights", 366);
    rejects("nights", -1);
    rejects("nights", 1.5);
    expect(schema.safeParse({ ...valid, nights: Number.NaN }).error?.issues[0]?.message).toBe(ANSWER_REQUIRED);
  });

  it("open text: optional, at most maxLength; blank is no answer", () => {
    rejects("comment", "x".repeat(201));
    rejects("comment", 5);
    expect(schema.parse({ ...valid, comment: "   " }).comment).toBeUndefined();
    const { comment: _skip, ...withoutComment } = valid;
    expect(schema.safeParse(withoutComment).success).toBe(true);
  });

  it("ranking: exactly top N distinct known item ids", () => {
    accepts("priorities", ["food", "place"]);
    rejects("priorities", ["food"]);
    rejects("priorities", ["food", "food"]);
    rejects("priorities", ["food", "spa"]);
    rejects("priorities", ["food", ""]);
    rejects("priorities", ["price", "place", "food"]);
    expect(schema.safeParse({ ...valid, priorities: ["", ""] }).error?.issues[0]?.message).toBe(ANSWER_REQUIRED);
  });

  it("constant sum: whole non-negative points adding up to the total exactly; blanks count as 0", () => {
    accepts("budget", { stay: 100 });
    expect(schema.parse({ ...valid, budget: { stay: 100 } }).budget).toEqual({ stay: 100, travel: 0, fun: 0 });
    rejects("budget", { stay: 50, travel: 30, fun: 19 });
    rejects("budget", { stay: 50, travel: 30, fun: 21 });
    rejects("budget", { stay: 120, travel: -20 });
    rejects("budget", { stay: 99.5, travel: 0.5 });
    rejects("budget", { stay: 50, travel: 50, spa: 0 });
    expect(schema.safeParse({ ...valid, budget: { stay: undefined } }).error?.issues[0]?.message).toBe(ANSWER_REQUIRED);
  });
});
