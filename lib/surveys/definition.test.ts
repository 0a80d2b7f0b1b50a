import { describe, expect, it } from "vitest";
import { ZSurveyDefinition, localized, titleOf } from "./definition";
import { sampleDefinition } from "./fixtures/sample-definition";

function issuesOf(input: unknown) {
  const result = ZSurveyDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("ZSurveyDefinition", () => {
  it("accepts a valid definition, fills defaults and drops blank translations", () => {
    const input = sampleDefinition();
    input.title = { en: "  Travel needs ", fi: "", sv: "   " };
    const definition = ZSurveyDefinition.parse(input);
    expect(definition.schemaVersion).toBe(1);
    expect(definition.title).toEqual({ en: "Travel needs" });
    expect(definition.questions.every((q) => q.required)).toBe(true);
    expect(titleOf(definition)).toBe("Travel needs");
  });

  it("rejects duplicate question ids", () => {
    const input = sampleDefinition();
    input.questions[1]!.id = "q1";
    expect(issuesOf(input)).toContainEqual({ path: "questions", message: 'Question id "q1" is used twice' });
  });

  it("rejects duplicate option codes and ids, and duplicate statement ids", () => {
    const input = sampleDefinition();
    const choice = input.questions[1]!;
    if (choice.type !== "single_choice") throw new Error("fixture changed");
    choice.options[2]!.code = 1;
    choice.options[1]!.id = "o1";
    const battery = input.questions[0]!;
    if (battery.type !== "likert_battery") throw new Error("fixture changed");
    battery.rows[2]!.id = "s1";
    const messages = issuesOf(input).map((i) => i.message);
    expect(messages).toContain("Option code 1 is used twice");
    expect(messages).toContain('Option id "o1" is used twice');
    expect(messages).toContain('Statement id "s1" is used twice');
  });

  it("requires every text in the default language, pointing at the field", () => {
    const input = sampleDefinition();
    input.defaultLanguage = "fi";
    const paths = issuesOf(input).map((i) => i.path);
    expect(paths).not.toContain("title.fi");
    expect(paths).toContain("questions.0.rows.1.text.fi");
    expect(paths).toContain("questions.1.text.fi");
    expect(paths).toContain("questions.1.options.0.label.fi");
    const noTitle = { ...sampleDefinition(), title: { fi: "Vain suomeksi" } };
    expect(issuesOf(noTitle)).toContainEqual({ path: "title.en", message: "The survey needs a title in its default language" });
  });

  it("requires the default language to be offered", () => {
    expect(issuesOf({ ...sampleDefinition(), languages: ["fi"] }).map((i) => i.path)).toContain("defaultLanguage");
  });

  it("rejects unknown question types, bad ids and unknown text languages", () => {
    const input = sampleDefinition() as { questions: unknown[] };
    input.questions.push({ id: "q3", type: "heatmap", text: { en: "Click the picture" } });
    expect(issuesOf(input)[0]?.message).toMatch(/Unknown question type/);
    const badId = sampleDefinition();
    badId.questions[0]!.id = "Q 1";
    expect(issuesOf(badId)[0]?.path).toBe("questions.0.id");
    const german = sampleDefinition() as { title: Record<string, string> };
    german.title.de = "Reisebedürfnisse";
    expect(issuesOf(german).length).toBeGreaterThan(0);
  });

  it("needs at least one question", () => {
    expect(issuesOf({ ...sampleDefinition(), questions: [] })).toContainEqual({ path: "questions", message: "Add at least one question" });
  });
});

describe("localized", () => {
  it("falls back to the default language", () => {
    expect(localized({ en: "Hello", fi: "Hei" }, "fi", "en")).toBe("Hei");
    expect(localized({ en: "Hello" }, "sv", "en")).toBe("Hello");
    expect(localized(undefined, "sv", "en")).toBe("");
  });
});
