import { describe, expect, it } from "vitest";
import { ZSurveyDefinition } from "@/lib/surveys/definition";
import { codebookRows, exportColumns } from "./export-columns";
import { qualityDefinition } from "./fixtures/quality-definition";

describe("export columns and codebook", () => {
  const definition = qualityDefinition();

  it("has a column per battery statement and per single choice, named by ids", () => {
    expect(exportColumns(definition).map((column) => column.name)).toEqual(["q1_s1", "q1_s2", "q1_s3", "q1_s4", "q1_s5", "q1_s6", "q2"]);
  });

  it("reads codes, or labels in the default language", () => {
    const [s1] = exportColumns(definition);
    const q2 = exportColumns(definition).at(-1)!;
    expect(s1!.read({ s1: 5 }, false)).toBe(5);
    expect(s1!.read({ s1: 5 }, true)).toBe("Strongly agree");
    expect(q2.read(1, true)).toBe("Rarely");
    expect(q2.read(undefined, true)).toBeUndefined();
  });

  it("lists every code with its label", () => {
    const rows = codebookRows(definition);
    expect(rows.filter((row) => row[0] === "q1_s1")).toHaveLength(5);
    expect(rows).toContainEqual(["q2", "q2", "", "single_choice", "How often do you travel?", 2, "Yearly"]);
  });

  it("spreads multiple choice, ranking and constant sum over one column per option or item", () => {
    const items = [
      { id: "a", code: 1, label: { en: "A" } },
      { id: "b", code: 2, label: { en: "B" } },
    ];
    const wide = ZSurveyDefinition.parse({
      languages: ["en"],
      defaultLanguage: "en",
      title: { en: "Wide" },
      questions: [
        { id: "mc", type: "multiple_choice", text: { en: "Pick" }, options: items, other: { id: "other", code: 9, label: { en: "Other" } } },
        { id: "rk", type: "ranking", text: { en: "Rank" }, items },
        { id: "cs", type: "constant_sum", text: { en: "Split" }, items },
        { id: "ot", type: "open_text", text: { en: "Why?" } },
      ],
    });
    const columns = exportColumns(wide);
    expect(columns.map((column) => column.name)).toEqual(["mc_a", "mc_b", "mc_other", "mc_other_text", "rk_a", "rk_b", "cs_a", "cs_b", "ot"]);
    const read = (name: string, answer: unknown, labels = false) => columns.find((column) => column.name === name)!.read(answer as never, labels);
    expect(read("mc_b", { codes: [2, 9], other: "Kayak" })).toBe(1);
    expect(read("mc_a", { codes: [2, 9] })).toBe(0);
    expect(read("mc_other_text", { codes: [2, 9], other: "Kayak" })).toBe("Kayak");
    expect(read("rk_b", ["b", "a"])).toBe(1);
    expect(read("cs_a", { a: 70, b: 30 })).toBe(70);
    expect(read("ot", "=cmd")).toBe("=cmd");
  });
});
