import { describe, expect, it } from "vitest";
import { answeredCount, hasAnswer, pageOfQuestion, splitIntoPages } from "./survey-pages";

const q = (id: string, pageBreakBefore?: boolean) => ({ id, pageBreakBefore });

describe("splitIntoPages", () => {
  it("keeps a survey without page breaks on one page", () => {
    expect(splitIntoPages([q("a"), q("b"), q("c")]).map((page) => page.map((x) => x.id))).toEqual([["a", "b", "c"]]);
  });

  it("starts a new page at each marked question", () => {
    const pages = splitIntoPages([q("a"), q("b", true), q("c"), q("d", true)]);
    expect(pages.map((page) => page.map((x) => x.id))).toEqual([["a"], ["b", "c"], ["d"]]);
  });

  it("ignores a break on the first question and never makes an empty page", () => {
    expect(splitIntoPages([q("a", true), q("b", true)]).map((page) => page.map((x) => x.id))).toEqual([["a"], ["b"]]);
    expect(splitIntoPages([])).toEqual([]);
  });
});

describe("pageOfQuestion", () => {
  it("finds the first page holding any of the ids", () => {
    const pages = splitIntoPages([q("a"), q("b", true), q("c", true)]);
    expect(pageOfQuestion(pages, ["c", "b"])).toBe(1);
    expect(pageOfQuestion(pages, ["zzz"])).toBeUndefined();
  });
});

describe("progress", () => {
  it("counts only real answers, not what an untouched form leaves behind", () => {
    for (const blank of [undefined, null, "", "  ", Number.NaN, [], {}, { codes: [] }, { rest: undefined }]) expect(hasAnswer(blank)).toBe(false);
    for (const answer of [0, 3, "text", ["x"], { codes: [1] }, { rest: 4 }]) expect(hasAnswer(answer)).toBe(true);
  });

  it("counts answered questions", () => {
    const questions = [q("a"), q("b"), q("c")];
    expect(answeredCount(questions, { a: 1, b: "", c: { codes: [2] }, extra: 5 })).toBe(2);
  });
});
