import { describe, expect, it } from "vitest";
import { createMatrix } from "@/lib/analysis";
import { AppError } from "@/lib/errors";
import { ZSurveyDefinition, type Question } from "@/lib/surveys/definition";
import { allTypesAnswers, allTypesDefinition } from "@/lib/surveys/fixtures/all-types-definition";
import { extractRow, type CellValue } from "./extract-values";
import { dataFingerprint } from "./fingerprint";
import { prepareMatrix } from "./preprocess";
import { ZStartSweepInput } from "./schemas";
import { customerVariables, questionIdsOf, surveyVariables, type DatasetVariable } from "./variables";

const definition = ZSurveyDefinition.parse({
  ...allTypesDefinition(),
  questions: [
    ...allTypesDefinition().questions,
    { id: "gender", type: "single_choice", text: { en: "Gender" }, options: [{ id: "f", code: 1, label: { en: "Female" } }, { id: "m", code: 2, label: { en: "Male" } }] },
    { id: "md", type: "maxdiff", text: { en: "Most and least important" }, items: ["a", "b", "c", "d"].map((id, i) => ({ id, code: i + 1, label: { en: id.toUpperCase() } })), itemsPerSet: 3, seed: 1 },
  ],
});
const questions = new Map<string, Question>(definition.questions.map((question) => [question.id, question]));

describe("surveyVariables", () => {
  const variables = surveyVariables(definition);
  const byId = new Map(variables.map((variable) => [variable.id, variable]));

  it("offers one variable per statement, item, option or number, and nothing for open text or rankings", () => {
    expect(variables.map((variable) => variable.id)).toEqual([
      "channels.web",
      "channels.agent",
      "channels.phone",
      "channels.other",
      "calm",
      "value",
      "recommend",
      "nights",
      "budget.stay",
      "budget.travel",
      "budget.fun",
      "gender",
      "md.a",
      "md.b",
      "md.c",
      "md.d",
    ]);
    expect(byId.get("channels.web")).toMatchObject({ kind: "binary", measure: "option_chosen", group: "channels", label: "Website" });
    expect(byId.get("gender")).toMatchObject({ kind: "category", categories: [{ value: "1", label: "Female" }, { value: "2", label: "Male" }] });
    expect(byId.get("md.b")).toMatchObject({ kind: "numeric", measure: "maxdiff_score", label: "B" });
    expect(questionIdsOf([byId.get("budget.fun")!, byId.get("budget.stay")!, byId.get("calm")!])).toEqual(["budget", "calm"]);
  });

  it("reads each answer type into its cells: shares, 0/1 options, codes as categories, MaxDiff counting scores", () => {
    const answers = { ...allTypesAnswers(), gender: 2, md: { version: 0, choices: [{ setIndex: 0, best: "c", worst: "a" }] } };
    const sets = [["a", "b", "c"]];
    const row = extractRow(variables, questions, { id: "r1", versionId: "v1", answers }, () => sets);
    const cell = (id: string) => row[variables.findIndex((variable) => variable.id === id)];
    expect([cell("channels.web"), cell("channels.agent"), cell("channels.other")]).toEqual([1, 0, 1]);
    expect([cell("calm"), cell("value"), cell("recommend"), cell("nights")]).toEqual([4, 7.5, 9, 14]);
    expect([cell("budget.stay"), cell("budget.travel"), cell("budget.fun")]).toEqual([0.5, 0.3, 0.2]);
    expect(cell("gender")).toBe("2");
    // d was not in the set this respondent saw: no score, so missing.
    expect([cell("md.a"), cell("md.b"), cell("md.c"), cell("md.d")]).toEqual([-1, 0, 1, null]);
  });

  it("leaves unanswered questions and unusable MaxDiff answers missing", () => {
    const row = extractRow(variables, questions, { id: "r1", versionId: "v1", answers: { md: { version: 3, choices: [{ setIndex: 0, best: "a", worst: "b" }] } } }, () => undefined);
    expect(row.every((value) => value === null)).toBe(true);
  });

  it("reads customer metrics, numeric strings and booleans included", () => {
    const customer = customerVariables({ recencyDays: "R", frequency: "F", monetary: "M", recencyScore: "", frequencyScore: "", monetaryScore: "", averageOrderValue: "", arpu: "", churned: "C", rfmSegment: "S", engagementTier: "T" }, "Customer");
    const row = extractRow(customer, questions, { id: "r", versionId: "v", answers: {}, customer: { recencyDays: 12, monetary: "250.5000", churned: true, rfmSegment: "Champions" } }, () => undefined);
    const cell = (id: string) => row[customer.findIndex((variable) => variable.id === id)];
    expect([cell("customer:recencyDays"), cell("customer:monetary"), cell("customer:churned"), cell("customer:rfmSegment"), cell("customer:frequency")]).toEqual([12, 250.5, 1, "Champions", null]);
  });
});

const numeric = (id: string): DatasetVariable => ({ id, label: id.toUpperCase(), kind: "numeric", source: "survey", group: id, groupLabel: id, measure: "scale" });
const category: DatasetVariable = { id: "g", label: "G", kind: "category", source: "survey", group: "g", groupLabel: "G", measure: "choice", categories: [{ value: "1", label: "One" }, { value: "2", label: "Two" }, { value: "3", label: "Three" }] };

describe("prepareMatrix", () => {
  const ids = ["r1", "r2", "r3", "r4"];
  const table: CellValue[][] = [
    [1, "1"],
    [3, "2"],
    [null, "2"],
    [5, null],
  ];

  it("drops responses with a missing basis value and one-hot codes the categories that occur", () => {
    const prepared = prepareMatrix(ids, [numeric("a"), category], table, { scaling: "raw", missing: "drop" });
    expect(prepared.rowIds).toEqual(["r1", "r2"]);
    expect(prepared.columns.map((column) => column.id)).toEqual(["a", "g=1", "g=2"]);
    expect(prepared.columns[1]!.label).toBe("G: One");
    expect(Array.from(prepared.matrix.data)).toEqual([1, 1, 0, 3, 0, 1]);
    expect(prepared.counts).toEqual({ loaded: 4, dropped: 2, imputedValues: 0, imputedRows: 0 });
  });

  it("imputes the mean of numbers and the most frequent category, and counts what it filled", () => {
    const prepared = prepareMatrix(ids, [numeric("a"), category], table, { scaling: "raw", missing: "impute" });
    expect(prepared.rowIds).toEqual(ids);
    expect(Array.from(prepared.matrix.data)).toEqual([1, 1, 0, 3, 0, 1, 3, 0, 1, 5, 0, 1]);
    expect(prepared.counts).toEqual({ loaded: 4, dropped: 0, imputedValues: 2, imputedRows: 2 });
  });

  it("standardises to mean 0 and sample SD 1, and reports constant columns", () => {
    const prepared = prepareMatrix(["x", "y", "z"], [numeric("a"), numeric("b")], [[1, 7], [2, 7], [3, 7]], { scaling: "standardise", missing: "drop" });
    expect(Array.from(prepared.matrix.data)).toEqual([-1, 0, 0, 0, 1, 0]);
    expect(prepared.constantColumns).toEqual(["b"]);
    // Profiles stay on the raw scale, and the transform places later respondents in the clustered space.
    expect(Array.from(prepared.profileMatrix.data)).toEqual([1, 7, 2, 7, 3, 7]);
    expect(prepared.transform).toEqual({ centers: [2, 7], scales: [1, 0] });
    expect(prepareMatrix(["x"], [numeric("a")], [[1]], { scaling: "raw", missing: "drop" }).transform).toBeNull();
  });

  it("refuses when nothing usable is left, as a field error", () => {
    expect(() => prepareMatrix(["x"], [numeric("a")], [[null]], { scaling: "raw", missing: "drop" })).toThrow(AppError);
    expect(() => prepareMatrix(["x"], [numeric("a")], [[null]], { scaling: "raw", missing: "impute" })).toThrow(/Nobody answered/);
  });
});

describe("dataFingerprint", () => {
  const matrix = createMatrix(new Float64Array([1, 2, 3, 4]), 2, 2);
  it("is stable for the same rows and values and changes with any id or value", () => {
    const base = dataFingerprint(["a", "b"], matrix);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(dataFingerprint(["a", "b"], createMatrix(new Float64Array([1, 2, 3, 4]), 2, 2))).toBe(base);
    expect(dataFingerprint(["a", "c"], matrix)).not.toBe(base);
    expect(dataFingerprint(["a", "b"], createMatrix(new Float64Array([1, 2, 3, 4.0001]), 2, 2))).not.toBe(base);
    // The same numbers in another shape are other data.
    expect(dataFingerprint(["a", "b"], createMatrix(new Float64Array([1, 2, 3, 4]), 2, 2))).not.toBe(dataFingerprint(["a"], createMatrix(new Float64Array([1, 2, 3, 4]), 1, 4)));
  });
});

describe("ZStartSweepInput", () => {
  const surveyId = "8a5d8f7e-3c1b-4a7e-9f00-2b6a8c1d2e3f";
  it("fills the defaults of the design: k 2..8, 10 restarts, 100 bootstraps, raw, drop", () => {
    expect(ZStartSweepInput.parse({ surveyId, basis: ["q.a"] })).toEqual({
      surveyId,
      basis: ["q.a"],
      descriptors: [],
      scaling: "raw",
      missing: "drop",
      excludeFlagged: false,
      kMin: 2,
      kMax: 8,
      restarts: 10,
      bootstraps: 100,
      seed: 1,
    });
  });

  it("rejects a variable in both roles, an empty basis and a reversed k range", () => {
    const issues = (input: unknown) => ZStartSweepInput.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
    expect(issues({ surveyId, basis: ["q.a"], descriptors: ["q.a"] })).toEqual(["descriptors"]);
    expect(issues({ surveyId, basis: [] })).toEqual(["basis"]);
    expect(issues({ surveyId, basis: ["q.a"], kMin: 5, kMax: 3 })).toEqual(["kMax"]);
  });
});
