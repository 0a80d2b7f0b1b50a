import { describe, expect, it } from "vitest";
import { answersSchema, HIDDEN_ANSWERED } from "./answers";
import { ZSurveyDefinition, type SurveyDefinitionInput } from "./definition";
import { applyDisplayOrder, displayOrderOf, seededShuffle } from "./display-order";

function logicSurvey(followUp: Record<string, unknown> = {}): SurveyDefinitionInput {
  return {
    languages: ["en"],
    defaultLanguage: "en",
    title: { en: "Logic" },
    questions: [
      { id: "owns", type: "single_choice", text: { en: "Do you own a car?" }, options: [{ id: "yes", code: 1, label: { en: "Yes" } }, { id: "no", code: 2, label: { en: "No" } }] },
      { id: "brand", type: "open_text", text: { en: "Which brand?" }, showIf: { questionId: "owns", operator: "equals", codes: [1] }, ...followUp },
      { id: "score", type: "nps", text: { en: "Recommend?" }, required: false },
    ],
  } as SurveyDefinitionInput;
}

const issuesOf = (input: unknown) => {
  const result = ZSurveyDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("showIf in the definition", () => {
  it("accepts a condition on an earlier question and drops a blank one", () => {
    expect(ZSurveyDefinition.parse(logicSurvey()).questions[1]!.showIf).toEqual({ questionId: "owns", operator: "equals", codes: [1] });
    const blank = ZSurveyDefinition.parse(logicSurvey({ showIf: { questionId: "", operator: "equals", codes: [] } }));
    expect(blank.questions[1]!.showIf).toBeUndefined();
  });

  it("rejects unknown or later questions, unknown codes and wrong code counts", () => {
    expect(issuesOf(logicSurvey({ showIf: { questionId: "nope", operator: "equals", codes: [1] } }))).toContainEqual({
      path: "questions.1.showIf.questionId",
      message: 'The condition refers to question "nope", which does not exist',
    });
    expect(issuesOf(logicSurvey({ showIf: { questionId: "score", operator: "equals", codes: [1] } }))).toContainEqual({
      path: "questions.1.showIf.questionId",
      message: "A condition can only refer to an earlier question",
    });
    expect(issuesOf(logicSurvey({ showIf: { questionId: "owns", operator: "any_of", codes: [1, 7] } }))).toContainEqual({
      path: "questions.1.showIf.codes",
      message: 'Question "owns" has no answer with code 7',
    });
    expect(issuesOf(logicSurvey({ showIf: { questionId: "owns", operator: "equals", codes: [1, 2] } }))[0]!.path).toBe("questions.1.showIf.codes");
  });
});

describe("answersSchema with display logic", () => {
  const schema = answersSchema(ZSurveyDefinition.parse(logicSurvey()));

  it("requires a shown follow-up and not a hidden one", () => {
    expect(schema.safeParse({ owns: 1 }).success).toBe(false);
    expect(schema.safeParse({ owns: 1, brand: "Volvo" }).data).toEqual({ owns: 1, brand: "Volvo" });
    expect(schema.safeParse({ owns: 2 }).data).toEqual({ owns: 2 });
    expect(schema.safeParse({ owns: 2, brand: "" }).data).toEqual({ owns: 2 });
  });

  it("rejects an answer to a hidden question", () => {
    const result = schema.safeParse({ owns: 2, brand: "Volvo" });
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: ["brand"], message: HIDDEN_ANSWERED }));
  });

  it("treats not_equals and multiple choice conditions", () => {
    const notEquals = answersSchema(ZSurveyDefinition.parse(logicSurvey({ showIf: { questionId: "owns", operator: "not_equals", codes: [1] } })));
    expect(notEquals.safeParse({ owns: 2 }).success).toBe(false);
    expect(notEquals.safeParse({ owns: 1 }).success).toBe(true);
  });
});

describe("display order", () => {
  const definition = ZSurveyDefinition.parse({
    ...logicSurvey(),
    randomizeQuestions: true,
    questions: logicSurvey().questions.map((q) => (q.type === "single_choice" ? { ...q, randomizeOptions: true } : q)),
  });

  it("shuffles deterministically from the key", () => {
    const values = Array.from({ length: 20 }, (_, i) => i);
    expect(seededShuffle(values, "key-a", "x")).toEqual(seededShuffle(values, "key-a", "x"));
    expect(seededShuffle(values, "key-a", "x")).not.toEqual(seededShuffle(values, "key-b", "x"));
    expect([...seededShuffle(values, "key-a", "x")].sort((a, b) => a - b)).toEqual(values);
  });

  it("keeps a follow-up right after its trigger and reorders options", () => {
    for (const key of ["a", "b", "c", "d", "e"]) {
      const order = displayOrderOf(definition, key)!;
      expect(order).toEqual(displayOrderOf(definition, key));
      expect(order.questions!.indexOf("brand")).toBe(order.questions!.indexOf("owns") + 1);
      const seen = applyDisplayOrder(definition, order);
      expect(seen.questions.map((q) => q.id)).toEqual(order.questions);
      const owns = seen.questions.find((q) => q.id === "owns");
      expect(owns?.type === "single_choice" && owns.options.map((o) => o.id)).toEqual(order.options!.owns);
    }
  });

  it("is null when nothing is randomised", () => {
    expect(displayOrderOf(ZSurveyDefinition.parse(logicSurvey()), "k")).toBeNull();
  });
});
