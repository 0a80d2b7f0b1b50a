import { describe, expect, it } from "vitest";
import { ZSurveyDefinition } from "./definition";
import { allTypesDefinition } from "./fixtures/all-types-definition";

type Questions = ReturnType<typeof allTypesDefinition>["questions"];

function issuesWith(change: (questions: Record<string, Record<string, unknown>>) => void) {
  const input = allTypesDefinition();
  const byId = Object.fromEntries(input.questions.map((q) => [q.id, q as unknown as Record<string, unknown>]));
  change(byId);
  input.questions = Object.values(byId) as unknown as Questions;
  const result = ZSurveyDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("question definitions of every type", () => {
  it("accept the sample of every type and fill defaults", () => {
    const definition = ZSurveyDefinition.parse(allTypesDefinition());
    const comment = definition.questions.find((q) => q.id === "comment");
    expect(comment).toMatchObject({ type: "open_text", maxLength: 200, multiline: true, required: false });
    expect(definition.questions.find((q) => q.id === "budget")).toMatchObject({ total: 100 });
  });

  it("multiple choice: bounds fit the options, other shares the code space and needs a label", () => {
    expect(issuesWith((q) => (q.channels!.maxSelections = 5))).toEqual(["questions.0.maxSelections: There are only 4 options to choose from"]);
    expect(issuesWith((q) => Object.assign(q.channels!, { minSelections: 3, maxSelections: 2 }))).toEqual(["questions.0.minSelections: The minimum is above the maximum"]);
    expect(issuesWith((q) => ((q.channels!.other as { code: number }).code = 1))).toEqual(["questions.0.other.code: Option code 1 is used twice"]);
    expect(issuesWith((q) => ((q.channels!.other as { label: object }).label = { fi: "Muu" }))).toEqual([
      "questions.0.other.label.en: Every option needs a label in the default language",
    ]);
    // Emptied number fields arrive as NaN and mean "no limit".
    expect(issuesWith((q) => (q.channels!.maxSelections = Number.NaN))).toEqual([]);
  });

  it("rating: max above min, a step that divides the range, few enough buttons", () => {
    expect(issuesWith((q) => (q.value!.max = 0))).toContain("questions.2.max: The maximum must be above the minimum");
    expect(issuesWith((q) => (q.value!.step = 3))).toEqual(["questions.2.step: The step must divide the range evenly"]);
    expect(issuesWith((q) => Object.assign(q.value!, { display: "buttons", step: 0.1 }))).toEqual(["questions.2.step: Buttons show at most 21 points; use a slider or a larger step"]);
    expect(issuesWith((q) => (q.value!.display = "stars"))).toHaveLength(1);
  });

  it("numeric, open text, ranking and constant sum check their settings", () => {
    expect(issuesWith((q) => Object.assign(q.nights!, { min: 5, max: 1 }))).toEqual(["questions.4.max: The maximum is below the minimum"]);
    expect(issuesWith((q) => (q.comment!.maxLength = 0))).toHaveLength(1);
    expect(issuesWith((q) => (q.priorities!.topN = 4))).toEqual(["questions.6.topN: There are only 3 items"]);
    expect(issuesWith((q) => (q.priorities!.items = [{ id: "a", code: 1, label: { en: "A" } }]))).toContain("questions.6.items: Add at least two items");
    expect(issuesWith((q) => (q.budget!.total = 0))).toEqual(["questions.7.total: The total must be at least 1"]);
    expect(issuesWith((q) => ((q.budget!.items as { id: string }[])[1]!.id = "stay"))).toEqual(['questions.7.items: Option id "stay" is used twice']);
  });

  it("rejects unknown fields' types and settings of another type's shape", () => {
    expect(issuesWith((q) => (q.recommend!.type = "nps_v2"))[0]).toMatch(/Unknown question type/);
    expect(issuesWith((q) => (q.nights!.integer = "yes"))).toHaveLength(1);
  });
});
