import { describe, expect, it } from "vitest";
import { answersSchema, HIDDEN_ANSWERED } from "./answers";
import { ZSurveyDefinition, type SurveyDefinitionInput } from "./definition";
import { applyDisplayOrder, displayedPages, displayOrderOf } from "./display-order";
import { visibleQuestionIds } from "./display-logic";

const yesNo = [
  { id: "yes", code: 1, label: { en: "Yes" } },
  { id: "no", code: 2, label: { en: "No" } },
];
const text = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: "open_text", text: { en: id }, ...extra });

/** Page 1: owns; page 2 (shown only to car owners): brand, model; page 3: score. */
function pagedSurvey(pageTwo: Record<string, unknown> = { showIf: { questionId: "owns", operator: "equals", codes: [1] } }): SurveyDefinitionInput {
  return {
    languages: ["en"],
    defaultLanguage: "en",
    title: { en: "Pages" },
    questions: [
      { id: "owns", type: "single_choice", text: { en: "Own a car?" }, options: yesNo },
      text("brand", { pageBreakBefore: true, page: pageTwo }),
      text("model", { required: false }),
      { id: "score", type: "nps", text: { en: "Recommend?" }, pageBreakBefore: true },
    ],
  } as SurveyDefinitionInput;
}

const issuesOf = (input: unknown) => {
  const result = ZSurveyDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("page settings in the definition", () => {
  it("keeps a page condition and drops empty settings, so old definitions stay as they were", () => {
    const parsed = ZSurveyDefinition.parse(pagedSurvey());
    expect(parsed.questions[1]!.page).toEqual({ showIf: { questionId: "owns", operator: "equals", codes: [1] } });
    const blank = ZSurveyDefinition.parse(pagedSurvey({ showIf: { questionId: "", operator: "equals", codes: [] }, randomize: false, randomizeQuestions: false }));
    expect(blank.questions[1]!.page).toBeUndefined();
    expect(JSON.parse(JSON.stringify(blank.questions[1]))).not.toHaveProperty("page");
  });

  it("refuses settings off a page's first question, unknown keys and conditions on the page itself or later", () => {
    const definition = pagedSurvey();
    (definition.questions[2] as Record<string, unknown>).page = { randomize: true };
    expect(issuesOf(definition)).toContainEqual({ path: "questions.2.page", message: expect.stringContaining("first question of a page") });
    expect(issuesOf(pagedSurvey({ shuffle: true }))[0]!.path).toBe("questions.1.page");
    expect(issuesOf(pagedSurvey({ showIf: { questionId: "brand", operator: "equals", codes: [1] } }))).toContainEqual({
      path: "questions.1.page.showIf.questionId",
      message: "A condition can only refer to an earlier question",
    });
    expect(issuesOf(pagedSurvey({ showIf: { questionId: "owns", operator: "equals", codes: [9] } }))).toContainEqual({
      path: "questions.1.page.showIf.codes",
      message: 'Question "owns" has no answer with code 9',
    });
  });

  it("refuses a condition on a page shuffled together with the one it points to", () => {
    const definition = pagedSurvey({ randomize: true });
    definition.questions[3] = { ...definition.questions[3]!, page: { randomize: true, showIf: { questionId: "brand", operator: "equals", codes: [1] } } } as never;
    definition.questions[1] = { id: "brand", type: "single_choice", text: { en: "Brand" }, options: yesNo, pageBreakBefore: true, page: { randomize: true } } as never;
    expect(issuesOf(definition)).toContainEqual({ path: "questions.3.page.showIf.questionId", message: expect.stringContaining("shuffled with this one") });
    // The same condition on a fixed page after the shuffled ones is fine.
    (definition.questions[3] as { page: Record<string, unknown> }).page = { showIf: { questionId: "brand", operator: "equals", codes: [1] } };
    expect(issuesOf(definition)).toEqual([]);
  });
});

describe("a page condition", () => {
  const definition = ZSurveyDefinition.parse(pagedSurvey());
  const schema = answersSchema(definition);

  it("hides every question of the page until the earlier answer matches", () => {
    expect([...visibleQuestionIds(definition, {})]).toEqual(["owns", "score"]);
    expect([...visibleQuestionIds(definition, { owns: 2 })]).toEqual(["owns", "score"]);
    expect([...visibleQuestionIds(definition, { owns: 1 })]).toEqual(["owns", "brand", "model", "score"]);
  });

  it("makes the page's questions neither required nor accepted while hidden", () => {
    expect(schema.safeParse({ owns: 2, score: 5 }).data).toEqual({ owns: 2, score: 5 });
    expect(schema.safeParse({ owns: 2, score: 5, brand: "", model: "" }).data).toEqual({ owns: 2, score: 5 });
    expect(schema.safeParse({ owns: 2, score: 5, model: "Volvo" }).error?.issues).toContainEqual(expect.objectContaining({ path: ["model"], message: HIDDEN_ANSWERED }));
    expect(schema.safeParse({ owns: 1, score: 5 }).error?.issues.map((i) => i.path)).toEqual([["brand"]]);
    expect(schema.safeParse({ owns: 1, score: 5, brand: "Saab" }).success).toBe(true);
  });
});

describe("shuffled pages", () => {
  // Page 1 fixed; pages 2–4 shuffled among themselves (questions shuffled inside page 3); page 5 fixed.
  const definition = ZSurveyDefinition.parse({
    languages: ["en"],
    defaultLanguage: "en",
    title: { en: "Blocks" },
    questions: [
      text("intro"),
      text("a1", { pageBreakBefore: true, page: { randomize: true } }),
      text("a2"),
      text("b1", { pageBreakBefore: true, page: { randomize: true, randomizeQuestions: true } }),
      text("b2"),
      text("b3"),
      text("b4"),
      text("c1", { pageBreakBefore: true, page: { randomize: true } }),
      text("end", { pageBreakBefore: true }),
    ],
  });
  const keys = Array.from({ length: 40 }, (_, i) => `key-${i}`);

  it("shuffles the marked pages between the fixed ones, the same way for the same key", () => {
    const orders = new Set<string>();
    for (const key of keys) {
      const order = displayOrderOf(definition, key)!;
      expect(displayOrderOf(definition, key)).toEqual(order);
      expect(order.pages![0]).toBe("intro");
      expect(order.pages![4]).toBe("end");
      expect([...order.pages!].sort()).toEqual(["a1", "b1", "c1", "end", "intro"]);
      orders.add(order.pages!.join());
      // Questions follow their pages; a page's questions stay together and a1 stays before a2.
      const pages = displayedPages(definition, order);
      expect(pages.map((page) => page.id)).toEqual(order.pages);
      expect(pages.flatMap((page) => page.questions.map((q) => q.id))).toEqual(order.questions);
      expect(pages.find((page) => page.id === "a1")!.questions.map((q) => q.id)).toEqual(["a1", "a2"]);
      expect(applyDisplayOrder(definition, order).questions.map((q) => q.id)).toEqual(order.questions);
    }
    expect(orders.size).toBe(6);
    const inBlockOrders = new Set(keys.map((key) => displayedPages(definition, displayOrderOf(definition, key)).find((p) => p.id === "b1")!.questions.map((q) => q.id).join()));
    expect(inBlockOrders.size).toBeGreaterThan(5);
  });

  it("keeps the question order of a one-page survey as it was before pages could be shuffled", () => {
    const onePage = ZSurveyDefinition.parse({
      languages: ["en"],
      defaultLanguage: "en",
      title: { en: "x" },
      randomizeQuestions: true,
      questions: [text("intro"), text("a1"), text("a2"), { id: "owns", type: "single_choice", text: { en: "o" }, options: yesNo }, text("brand", { showIf: { questionId: "owns", operator: "equals", codes: [1] } }), text("end")],
    });
    // Reference orders computed by the whole-survey shuffle that preceded pages (same keys).
    expect(displayOrderOf(onePage, "key-1")).toEqual({ questions: ["a2", "a1", "owns", "brand", "intro", "end"] });
    expect(displayOrderOf(onePage, "key-2")).toEqual({ questions: ["intro", "end", "owns", "brand", "a1", "a2"] });
    expect(displayOrderOf(onePage, "key-3")).toEqual({ questions: ["a1", "a2", "intro", "end", "owns", "brand"] });
  });

  it("reads an order stored before pages existed: pages in place, questions in the stored order", () => {
    const pages = displayedPages(definition, { questions: ["a2", "a1", "intro", "c1", "b4", "b3", "b2", "b1", "end"] });
    expect(pages.map((page) => page.questions.map((q) => q.id))).toEqual([["intro"], ["a2", "a1"], ["b4", "b3", "b2", "b1"], ["c1"], ["end"]]);
  });
});
