import { describe, expect, it } from "vitest";
import { checkPartialAnswers } from "@/lib/responses/partial-answers";
import { answersSchema } from "./answers";
import { ZSurveyDefinition, type SurveyDefinitionInput } from "./definition";
import { maxDiffDesignKey, maxDiffDesignsOf, maxDiffSetsOf, previewMaxDiffDesign, type MaxDiffQuestion } from "./maxdiff-question";

function maxDiffDefinition(overrides: Record<string, unknown> = {}): SurveyDefinitionInput {
  return {
    languages: ["en", "fi"],
    defaultLanguage: "en",
    title: { en: "Motives" },
    questions: [
      {
        id: "q1",
        type: "maxdiff",
        text: { en: "Which matter most?", fi: "Mikä on tärkeintä?" },
        required: true,
        items: ["price", "speed", "quality", "service", "brand", "safety"].map((id, i) => ({ id, code: i + 1, label: { en: id } })),
        itemsPerSet: 3,
        sets: 6,
        versions: 4,
        seed: 7,
        ...overrides,
      } as SurveyDefinitionInput["questions"][number],
    ],
  };
}

function issuesOf(input: unknown) {
  const result = ZSurveyDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

const parse = (overrides?: Record<string, unknown>) => ZSurveyDefinition.parse(maxDiffDefinition(overrides));
const questionOf = (definition: ReturnType<typeof parse>) => definition.questions[0] as MaxDiffQuestion;

/** A complete, valid answer for one version: the first item best, the last worst, in every set. */
function answerFor(question: MaxDiffQuestion, version: number) {
  const sets = maxDiffSetsOf(question)[version];
  return { version, choices: sets.map((items, setIndex) => ({ setIndex, best: items[0], worst: items[items.length - 1] })) };
}

describe("MaxDiff question definition", () => {
  it("accepts a MaxDiff question and leaves unset design sizes to the defaults", () => {
    const definition = parse({ itemsPerSet: undefined, sets: Number.NaN, versions: null });
    const question = questionOf(definition);
    expect(question.type).toBe("maxdiff");
    expect(question.itemsPerSet).toBeUndefined();
    const sets = maxDiffSetsOf(question);
    expect(sets).toHaveLength(10);
    expect(sets[0]).toHaveLength(6); // ⌈3 × 6 / 3⌉ sets of the default 3 items
  });

  it("rejects designs the MaxDiff rules forbid, naming the field", () => {
    expect(issuesOf(maxDiffDefinition({ itemsPerSet: 6 }))).toContainEqual({ path: "questions.0.itemsPerSet", message: expect.stringContaining("Items per set must be a whole number from 2 to 5") });
    expect(issuesOf(maxDiffDefinition({ sets: 1 }))).toContainEqual({ path: "questions.0.sets", message: expect.stringContaining("some items would never be shown") });
    expect(issuesOf(maxDiffDefinition({ versions: 101 })).map((i) => i.path)).toContain("questions.0.versions");
    expect(issuesOf(maxDiffDefinition({ seed: 1.5 })).map((i) => i.path)).toContain("questions.0.seed");
  });

  it("needs at least 3 items with distinct ids and codes and labels in the default language", () => {
    const items = [
      { id: "a", code: 1, label: { en: "A" } },
      { id: "a", code: 1, label: { fi: "B" } },
      { id: "c", code: 3, label: { en: "C" } },
    ];
    const messages = issuesOf(maxDiffDefinition({ items, itemsPerSet: 2, sets: 3 })).map((i) => i.message);
    expect(messages).toContain('Option id "a" is used twice');
    expect(messages).toContain("Option code 1 is used twice");
    expect(messages).toContain("Every option needs a label in the default language");
    expect(issuesOf(maxDiffDefinition({ items: items.slice(0, 2), itemsPerSet: undefined })).map((i) => i.message)).toContain("MaxDiff needs at least 3 items");
  });

  it("rejects an unknown question type with the list of types", () => {
    expect(issuesOf(maxDiffDefinition({ type: "maxdif" }))[0]?.message).toContain("maxdiff");
  });

  it("generates the same design for the same question, whatever its texts", () => {
    const a = questionOf(parse());
    const b = { ...a, text: { en: "Changed" } };
    expect(maxDiffDesignKey(a)).toBe(maxDiffDesignKey(b));
    expect(maxDiffDesignsOf(parse())[maxDiffDesignKey(a)]).toEqual(maxDiffSetsOf(b));
    expect(maxDiffDesignKey({ ...a, seed: 8 })).not.toBe(maxDiffDesignKey(a));
  });

  it("previews the balance of the design", () => {
    const preview = previewMaxDiffDesign({ itemIds: ["a", "b", "c", "d", "e", "f"], itemsPerSet: 3, sets: 6, versions: 4, seed: 7 });
    expect(preview).toMatchObject({ itemsPerSet: 3, sets: 6, versions: 4, perRespondent: { min: 3, max: 3 } });
    expect(preview.timesShown).toEqual([12, 12, 12, 12, 12, 12]);
    expect(preview.pairCounts.max - preview.pairCounts.min).toBeLessThanOrEqual(2);
  });
});

describe("MaxDiff answers inside answersSchema", () => {
  const definition = parse();
  const question = questionOf(definition);

  it("accepts one best and a different worst per set of the named version, by item id", () => {
    for (const version of [0, 3]) {
      const answers = { q1: answerFor(question, version) };
      expect(answersSchema(definition).parse(answers)).toEqual(answers);
    }
  });

  it("rejects best = worst, items outside the set, missing sets and unknown versions", () => {
    const schema = answersSchema(definition);
    const same = answerFor(question, 0);
    same.choices[1].worst = same.choices[1].best;
    expect(schema.safeParse({ q1: same }).error?.issues).toContainEqual(expect.objectContaining({ path: ["q1", "choices", 1, "worst"], message: "The best and the worst item must differ." }));

    const outside = answerFor(question, 0);
    const shown = maxDiffSetsOf(question)[0][0];
    outside.choices[0].best = question.items.map((item) => item.id).find((id) => !shown.includes(id))!;
    expect(schema.safeParse({ q1: outside }).error?.issues[0]).toMatchObject({ path: ["q1", "choices", 0, "best"], message: "The best item must be one of the items shown in the set." });

    const missing = answerFor(question, 0);
    missing.choices.pop();
    expect(schema.safeParse({ q1: missing }).error?.issues[0]?.message).toMatch(/Answer every set/);

    expect(schema.safeParse({ q1: { ...answerFor(question, 0), version: 4 } }).success).toBe(false);
    expect(schema.safeParse({ q1: { ...answerFor(question, 0), extra: 1 } }).success).toBe(false);
    expect(schema.safeParse({ q1: "price" }).success).toBe(false);
  });

  it("treats the page's empty picks as no answer: required fails, optional passes", () => {
    const empty = { version: 0, choices: maxDiffSetsOf(question)[0].map((_, setIndex) => ({ setIndex, best: "", worst: "" })) };
    expect(answersSchema(definition).safeParse({ q1: empty }).error?.issues[0]?.message).toBe("An answer is required");
    const optional = parse({ required: false });
    expect(answersSchema(optional).parse({ q1: empty })).toEqual({});
    const partly = { ...empty, choices: empty.choices.map((c, i) => (i === 0 ? { ...c, best: maxDiffSetsOf(question)[0][0][0] } : c)) };
    expect(answersSchema(optional).safeParse({ q1: partly }).success).toBe(false);
  });
});

describe("a half-answered MaxDiff (autosave)", () => {
  const definition = parse();
  const question = questionOf(definition);
  const sets = maxDiffSetsOf(question)[1];
  const firstTwo = { version: 1, choices: sets.map((items, setIndex) => (setIndex < 2 ? { setIndex, best: items[0], worst: items[1] } : { setIndex, best: "", worst: "" })) };

  it("is saved with the sets answered so far, and a half-answered set", () => {
    const halfSet = { ...firstTwo, choices: firstTwo.choices.map((c, i) => (i === 2 ? { ...c, best: sets[2][2] } : c)) };
    for (const answer of [firstTwo, halfSet]) {
      const check = checkPartialAnswers(definition, { q1: answer });
      expect(check.fieldErrors).toEqual({});
      expect(check.answers).toEqual({ q1: answer });
    }
  });

  it("still refuses picks that were never shown, best = worst and unknown versions or sets", () => {
    const notShown = question.items.map((item) => item.id).find((id) => !sets[0].includes(id))!;
    const bad = (choices: unknown[], version = 1) => checkPartialAnswers(definition, { q1: { version, choices } });
    expect(bad([{ setIndex: 0, best: notShown, worst: "" }]).fieldErrors).toEqual({ "answers.q1.choices.0.best": ["The best item must be one of the items shown in the set"] });
    expect(bad([{ setIndex: 0, best: sets[0][0], worst: sets[0][0] }]).fieldErrors).toEqual({ "answers.q1.choices.0.worst": ["The best and the worst item must differ"] });
    expect(Object.keys(bad([{ setIndex: 99, best: "", worst: "x" }]).fieldErrors)).toEqual(["answers.q1.choices.0.setIndex"]);
    expect(Object.keys(bad([{ setIndex: 0, best: sets[0][0], worst: "" }], 9).fieldErrors)).toEqual(["answers.q1.version"]);
    expect(bad([{ setIndex: 0, best: sets[0][0], worst: "" }]).answers).toEqual({ q1: { version: 1, choices: [{ setIndex: 0, best: sets[0][0], worst: "" }] } });
  });

  it("is not enough for the final submit, and untouched picks are no answer at all", () => {
    expect(answersSchema(definition).safeParse({ q1: firstTwo }).success).toBe(false);
    const untouched = { version: 1, choices: sets.map((_, setIndex) => ({ setIndex, best: "", worst: "" })) };
    expect(checkPartialAnswers(definition, { q1: untouched })).toEqual({ answers: {}, fieldErrors: {} });
  });
});
