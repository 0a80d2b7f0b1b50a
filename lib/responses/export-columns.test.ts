import { describe, expect, it } from "vitest";
import { ZSurveyDefinition } from "@/lib/surveys/definition";
import { maxDiffSetsOf, type MaxDiffQuestion } from "@/lib/surveys/maxdiff-question";
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

describe("MaxDiff export columns", () => {
  const items = ["a", "b", "c", "d"].map((id, i) => ({ id, code: 11 + i, label: { en: `Item ${id}`, fi: `Kohde ${id}` } }));
  const definition = ZSurveyDefinition.parse({
    languages: ["en", "fi"],
    defaultLanguage: "en",
    title: { en: "MD" },
    questions: [{ id: "md", type: "maxdiff", text: { en: "Which matters?", fi: "Mikä on tärkeää?" }, items, itemsPerSet: 3, sets: 4, versions: 2, seed: 7 }],
  });
  const question = definition.questions[0] as MaxDiffQuestion;
  const sets = maxDiffSetsOf(question)[1]!;
  // Best is always the set's first item, worst its last.
  const answer = { version: 1, choices: sets.map((set, setIndex) => ({ setIndex, best: set[0]!, worst: set[set.length - 1]! })) };
  const columns = exportColumns(definition);
  const read = (name: string, value: unknown, labels = false) => columns.find((column) => column.name === name)!.read(value as never, labels);

  it("has the version, a best and worst column per set and a score per item", () => {
    expect(columns.map((column) => column.name)).toEqual([
      "md_version",
      ...[1, 2, 3, 4].flatMap((n) => [`md_set${n}_best`, `md_set${n}_worst`]),
      "md_a_score",
      "md_b_score",
      "md_c_score",
      "md_d_score",
    ]);
  });

  it("gives per set the item codes (or labels) picked, and per item (best − worst) / shown", () => {
    expect(read("md_version", answer)).toBe(1);
    const code = (id: string) => items.find((item) => item.id === id)!.code;
    expect(read("md_set2_best", answer)).toBe(code(sets[1]![0]!));
    expect(read("md_set2_worst", answer)).toBe(code(sets[1]!.at(-1)!));
    expect(read("md_set2_best", answer, true)).toBe(`Item ${sets[1]![0]}`);
    for (const item of items) {
      const shown = sets.filter((set) => set.includes(item.id)).length;
      const best = sets.filter((set) => set[0] === item.id).length;
      const worst = sets.filter((set) => set.at(-1) === item.id).length;
      expect(read(`md_${item.id}_score`, answer)).toBeCloseTo((best - worst) / shown, 4);
    }
    expect(read("md_a_score", undefined)).toBeUndefined();
    expect(read("md_set1_best", undefined)).toBeUndefined();
  });

  it("scores a response on the sets of the version it answered", () => {
    // An older version's design where item a was always best: its score must be 1 whatever today's design is.
    const older = [[["a", "b", "c"], ["a", "c", "d"], ["a", "b", "d"], ["b", "c", "d"]]];
    const aged = exportColumns(definition, { maxDiffSets: (questionId, versionId) => (questionId === "md" && versionId === "v0" ? older : undefined) });
    const oldAnswer = { version: 0, choices: older[0]!.map((set, setIndex) => ({ setIndex, best: set[0]!, worst: set[2]! })) };
    expect(aged.find((column) => column.name === "md_a_score")!.read(oldAnswer as never, false, { versionId: "v0" })).toBe(1);
  });

  it("lists the set columns' item codes and the score columns in the codebook", () => {
    const rows = codebookRows(definition);
    expect(rows).toContainEqual(["md_set1_best", "md", "set1_best", "maxdiff", "Which matters? — set 1, most", 11, "Item a"]);
    expect(rows).toContainEqual(["md_b_score", "md", "b_score", "maxdiff", "Which matters? — Item b — best–worst score (−1…1)", "", ""]);
  });
});

describe("export language", () => {
  const definition = ZSurveyDefinition.parse({
    languages: ["fi", "en", "sv"],
    defaultLanguage: "fi",
    title: { fi: "Kysely", en: "Survey" },
    questions: [
      { id: "mc", type: "multiple_choice", text: { fi: "Valitse", en: "Pick" }, options: [{ id: "a", code: 1, label: { fi: "Juna", en: "Train", sv: "Tåg" } }, { id: "b", code: 2, label: { fi: "Bussi" } }] },
      { id: "nps", type: "nps", text: { fi: "Suosittelisitko?", en: "Recommend?" } },
    ],
  });
  const codes = (language?: string) => codebookRows(definition, { language }).map((row) => [row[0], row[4], row[5], row[6]]);

  it("defaults to the survey's default language, built-in labels included", () => {
    expect(codes()).toContainEqual(["mc_a", "Valitse — Juna", 0, "Ei valittu"]);
    expect(codes()).toContainEqual(["mc_a", "Valitse — Juna", 1, "Valittu"]);
    expect(codes()).toContainEqual(["nps", "Suosittelisitko?", 10, "10 – Erittäin todennäköistä"]);
  });

  it("follows the requested language, falling back to the default language for missing texts", () => {
    expect(codes("en")).toContainEqual(["mc_a", "Pick — Train", 1, "Chosen"]);
    expect(codes("en")).toContainEqual(["nps", "Recommend?", 0, "0 – Not at all likely"]);
    // No Swedish question text: the Finnish one; built-in labels still Swedish.
    expect(codes("sv")).toContainEqual(["mc_a", "Valitse — Tåg", 0, "Inte vald"]);
    expect(exportColumns(definition, { language: "sv" })[0]!.read({ codes: [1] } as never, true)).toBe("Tåg");
  });

  it("ignores a language the survey does not have", () => {
    const fiOnly = ZSurveyDefinition.parse({ ...definition, languages: ["fi"], questions: [definition.questions[0]] });
    expect(codebookRows(fiOnly, { language: "en" })).toContainEqual(["mc_a", "mc", "a", "multiple_choice", "Valitse — Juna", 1, "Valittu"]);
  });
});
