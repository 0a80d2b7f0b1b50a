import { describe, expect, it } from "vitest";
import { ANSWER_REQUIRED, answersSchema } from "./answers";
import { ZSurveyDefinition } from "./definition";
import { sampleDefinition } from "./fixtures/sample-definition";

const definition = ZSurveyDefinition.parse(sampleDefinition());
const schema = answersSchema(definition);
const valid = { q1: { s1: 5, s2: 1, s3: 3 }, q2: 2 };

function errorsOf(answers: unknown) {
  const result = schema.safeParse(answers);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("answersSchema", () => {
  it("accepts codes keyed by question and statement ids", () => {
    expect(schema.parse(valid)).toEqual(valid);
  });

  it("rejects codes off the scale or outside the options", () => {
    expect(errorsOf({ ...valid, q1: { s1: 6, s2: 1, s3: 3 } })).toEqual({ "q1.s1": "Choose a point on the scale (allowed codes: 1, 2, 3, 4, 5)." });
    expect(errorsOf({ ...valid, q2: 9 })).toEqual({ q2: "Choose one of the options (allowed codes: 1, 2, 3)." });
    expect(Object.keys(errorsOf({ ...valid, q2: 1.5 }))).toEqual(["q2"]);
    expect(Object.keys(errorsOf({ ...valid, q2: "2" }))).toEqual(["q2"]);
  });

  it("requires every required answer, down to each statement", () => {
    expect(errorsOf({ q1: valid.q1 })).toEqual({ q2: ANSWER_REQUIRED });
    expect(errorsOf({ q2: 1 })).toEqual({ q1: ANSWER_REQUIRED });
    expect(errorsOf({ ...valid, q1: { s1: 2, s2: 2 } })).toEqual({ "q1.s3": ANSWER_REQUIRED });
  });

  it("rejects unknown question and statement ids", () => {
    expect(Object.keys(errorsOf({ ...valid, q9: 1 }))).toEqual([""]);
    expect(Object.keys(errorsOf({ ...valid, q1: { ...valid.q1, s9: 1 } }))).toEqual(["q1"]);
  });

  it("lets optional questions be skipped", () => {
    const optional = ZSurveyDefinition.parse({ ...sampleDefinition(), questions: sampleDefinition().questions.map((q) => ({ ...q, required: false })) });
    expect(answersSchema(optional).safeParse({}).success).toBe(true);
    expect(answersSchema(optional).safeParse({ q1: { s2: 4 } }).success).toBe(true);
  });
});
