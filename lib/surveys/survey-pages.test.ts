import { describe, expect, it } from "vitest";
import { answeredCount, hasAnswer, pageOfQuestion, pagesOf, resumePageId, shuffledRuns, splitIntoPages } from "./survey-pages";

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

describe("pagesOf and shuffledRuns", () => {
  it("names pages by their first question and reads their settings from it", () => {
    const pages = pagesOf([{ id: "a" }, { id: "b", pageBreakBefore: true, page: { randomize: true as const } }, { id: "c" }]);
    expect(pages).toEqual([
      { id: "a", questions: [{ id: "a" }], settings: {} },
      { id: "b", questions: [{ id: "b", pageBreakBefore: true, page: { randomize: true } }, { id: "c" }], settings: { randomize: true } },
    ]);
  });

  it("groups consecutive shuffled pages; a lone shuffled page has nothing to swap with", () => {
    const page = (randomize?: true) => ({ settings: randomize ? { randomize } : {} });
    expect(shuffledRuns([page(), page(true), page(true), page(), page(true), page(true), page(true)])).toEqual([[1, 2], [4, 5, 6]]);
    expect(shuffledRuns([page(true), page(), page(true)])).toEqual([]);
  });
});

describe("resumePageId", () => {
  const pages = [
    { id: "p1", questions: [{ id: "a" }, { id: "b" }], settings: {} },
    { id: "p2", questions: [{ id: "c" }], settings: {} },
    { id: "p3", questions: [{ id: "d" }], settings: {} },
  ];
  it("resumes on the first page with a missing or incomplete answer", () => {
    expect(resumePageId(pages, new Set(["d", "c"]), "a")).toBe("p2");
    expect(resumePageId(pages, new Set(["d"]), "a")).toBe("p3");
  });
  it("falls back to the page of the last answer, then to the first page", () => {
    expect(resumePageId(pages, new Set(), "c")).toBe("p2");
    expect(resumePageId(pages, new Set(), null)).toBe("p1");
    expect(resumePageId([], new Set(), null)).toBeUndefined();
  });
});

describe("hasAnswer for MaxDiff", () => {
  it("counts a MaxDiff answer once a set has a pick, not for its version alone", () => {
    expect(hasAnswer({ version: 0, choices: [{ setIndex: 0, best: "", worst: "" }] })).toBe(false);
    expect(hasAnswer({ version: 2, choices: [{ setIndex: 0, best: "i1", worst: "" }, { setIndex: 1, best: "", worst: "" }] })).toBe(true);
  });
});
