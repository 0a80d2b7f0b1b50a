import { describe, expect, it } from "vitest";
import { ZSurveyDefinition } from "./definition";
import { sampleDefinition } from "./fixtures/sample-definition";
import { collectReservedIds, nextCode, nextSlugId } from "./ids";
import { newPublicId } from "./public-id";
import { PUBLIC_ID_PATTERN } from "./schemas";
import { versionConflicts } from "./version-compatibility";

describe("survey ids", () => {
  it("never reuses an id or a code", () => {
    expect(nextSlugId("q", [])).toBe("q1");
    expect(nextSlugId("q", ["q1", "q7", "q3", "custom", "qx2"])).toBe("q8");
    expect(nextCode([1, 2, 5])).toBe(6);
    expect(nextCode([])).toBe(1);
  });

  it("collects ids from every version", () => {
    const v1 = ZSurveyDefinition.parse(sampleDefinition());
    const v2 = ZSurveyDefinition.parse({ ...sampleDefinition(), questions: sampleDefinition().questions.slice(1) });
    const reserved = collectReservedIds([v2, v1]);
    expect(reserved.questionIds.sort()).toEqual(["q1", "q2"]);
    expect(reserved.byQuestion.q1!.rowIds).toEqual(["s1", "s2", "s3"]);
    expect(reserved.byQuestion.q2!.codes).toEqual([1, 2, 3]);
  });

  it("makes 12-character base62 public ids", () => {
    const ids = new Set(Array.from({ length: 200 }, () => newPublicId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(PUBLIC_ID_PATTERN);
  });

  it("refuses a published question id coming back as another type", () => {
    const v1 = ZSurveyDefinition.parse(sampleDefinition());
    const swapped = ZSurveyDefinition.parse({ ...sampleDefinition(), questions: sampleDefinition().questions.map((q, i) => ({ ...q, id: i === 0 ? "q2" : "q1" })) });
    expect(Object.keys(versionConflicts(swapped, [v1])).sort()).toEqual(["questions.0.id", "questions.1.id"]);
    expect(versionConflicts(v1, [v1])).toEqual({});
  });

  it("refuses a published option code changing its meaning, such as an edited “other” code", () => {
    const withOther = (otherCode: number, otherId = "other") =>
      ZSurveyDefinition.parse({
        languages: ["en"],
        defaultLanguage: "en",
        title: { en: "T" },
        questions: [
          {
            id: "q1",
            type: "multiple_choice",
            text: { en: "Which?" },
            options: [{ id: "o1", code: 1, label: { en: "A" } }, { id: "o2", code: 2, label: { en: "B" } }],
            other: { id: otherId, code: otherCode, label: { en: "Other" } },
          },
        ],
      });
    const v1 = withOther(97);
    expect(versionConflicts(withOther(97), [v1])).toEqual({});
    expect(versionConflicts(withOther(98), [v1])).toEqual({ "questions.0.other.code": [expect.stringContaining('Option "other" was published with code 97')] });
    expect(versionConflicts(withOther(97, "other2"), [v1])).toEqual({ "questions.0.other.code": [expect.stringContaining('Code 97 was published for option "other"')] });
    // A draft never published is free to recode.
    expect(versionConflicts(withOther(99), [])).toEqual({});
  });

  it("reports an edited “other” code that collides with an option next to its field", () => {
    const result = ZSurveyDefinition.safeParse({
      languages: ["en"],
      defaultLanguage: "en",
      title: { en: "T" },
      questions: [{ id: "q1", type: "multiple_choice", text: { en: "Which?" }, options: [{ id: "o1", code: 1, label: { en: "A" } }, { id: "o2", code: 2, label: { en: "B" } }], other: { id: "other", code: 2, label: { en: "Other" } } }],
    });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["questions.0.other.code", "Option code 2 is used twice"]]);
  });
});
