import { describe, expect, it } from "vitest";
import { translate } from "@/lib/i18n/translate";
import { answerIssueText, answerMessageOf } from "./answer-messages";
import { answersSchema } from "./answers";
import { ZSurveyDefinition } from "./definition";
import { allTypesAnswers, allTypesDefinition } from "./fixtures/all-types-definition";
import { maxDiffSetsOf, type MaxDiffQuestion } from "./maxdiff-question";

const base = allTypesDefinition();
const definition = ZSurveyDefinition.parse({
  ...base,
  questions: [
    ...base.questions,
    { id: "md", type: "maxdiff", text: { en: "Most and least" }, items: ["a", "b", "c", "d"].map((id, i) => ({ id, code: i + 1, label: { en: id } })), itemsPerSet: 3, sets: 4, versions: 1, seed: 3 },
    { id: "follow", type: "open_text", text: { en: "Why nine?" }, required: false, showIf: { questionId: "recommend", operator: "equals", codes: [9] } },
  ],
});
const schema = answersSchema(definition);
const sets = maxDiffSetsOf(definition.questions.find((q) => q.id === "md") as MaxDiffQuestion)[0]!;
const valid = { ...allTypesAnswers(), md: { version: 0, choices: sets.map((set, setIndex) => ({ setIndex, best: set[0]!, worst: set[1]! })) } };

/** The first message at `path` for the answers with some replaced, in each language. */
function messagesAt(changes: Record<string, unknown>, path: string) {
  const result = schema.safeParse({ ...valid, ...changes });
  const issue = result.success ? undefined : result.error.issues.find((i) => i.path.join(".") === path);
  if (!issue) throw new Error(`no issue at ${path}: ${JSON.stringify(result.error?.issues)}`);
  return { en: answerIssueText(issue, translate("en")), fi: answerIssueText(issue, translate("fi")), sv: answerIssueText(issue, translate("sv")), keyed: answerMessageOf(issue) !== undefined };
}

describe("answer validation messages in the respondent's language", () => {
  it("words a missing answer in en, fi and sv", () => {
    const { recommend: _, ...rest } = valid;
    const result = schema.safeParse(rest);
    const issue = result.error!.issues.find((i) => i.path[0] === "recommend")!;
    expect(answerIssueText(issue, translate("en"))).toBe("Please answer this question.");
    expect(answerIssueText(issue, translate("fi"))).toBe("Vastaa tähän kysymykseen.");
    expect(answerIssueText(issue, translate("sv"))).toBe("Svara på den här frågan.");
  });

  it("fills in the limits: range, sum, length, at most N", () => {
    expect(messagesAt({ nights: 400 }, "nights")).toEqual({ en: "Enter 365 or less.", fi: "Anna enintään 365.", sv: "Ange 365 eller mindre.", keyed: true });
    expect(messagesAt({ budget: { stay: 50, travel: 30, fun: 10 } }, "budget")).toEqual({
      en: "The points must add up to exactly 100.",
      fi: "Pisteiden summan on oltava tasan 100.",
      sv: "Poängen måste bli exakt 100 tillsammans.",
      keyed: true,
    });
    expect(messagesAt({ comment: "x".repeat(201) }, "comment")).toEqual({ en: "Use at most 200 characters.", fi: "Käytä enintään 200 merkkiä.", sv: "Använd högst 200 tecken.", keyed: true });
    expect(messagesAt({ channels: { codes: [1, 2, 3] } }, "channels.codes")).toEqual({ en: "Choose at most 2 options.", fi: "Valitse enintään 2 vaihtoehtoa.", sv: "Välj högst 2 alternativ.", keyed: true });
    expect(messagesAt({ value: 11 }, "value")).toEqual({ en: "Choose a value from 0 to 10.", fi: "Valitse arvo väliltä 0–10.", sv: "Välj ett värde från 0 till 10.", keyed: true });
    expect(messagesAt({ channels: { codes: [97], other: " " } }, "channels.other").fi).toBe("Täsmennä vastauksesi.");
  });

  it("gives every problem a respondent can make a message of its own, not a fallback", () => {
    const mistakes: [Record<string, unknown>, string][] = [
      [{ calm: 9 }, "calm"],
      [{ recommend: 11 }, "recommend"],
      [{ value: 7.3 }, "value"],
      [{ nights: 1.5 }, "nights"],
      [{ nights: -1 }, "nights"],
      [{ channels: { codes: [1, 1] } }, "channels.codes"],
      [{ priorities: ["price", "price"] }, "priorities"],
      [{ priorities: ["price"] }, "priorities"],
      [{ budget: { stay: 150, travel: 0, fun: 0 } }, "budget.stay"],
      [{ budget: { stay: -5, travel: 55, fun: 50 } }, "budget.stay"],
      [{ budget: { stay: 33.5, travel: 33.5, fun: 33 } }, "budget.stay"],
      [{ md: { version: 0, choices: valid.md.choices.map((c, i) => (i === 1 ? { ...c, worst: c.best } : c)) } }, "md.choices.1.worst"],
      [{ md: { version: 0, choices: valid.md.choices.map((c, i) => (i === 1 ? { ...c, best: "" } : c)) } }, "md.choices.1.best"],
      [{ md: { version: 0, choices: valid.md.choices.slice(1) } }, "md.choices"],
      [{ recommend: 3, follow: "because" }, "follow"],
    ];
    for (const [changes, path] of mistakes) {
      const message = messagesAt(changes, path);
      expect(message.keyed, `${JSON.stringify(changes)} → ${message.en}`).toBe(true);
      expect(message.fi).not.toBe(message.en);
      expect(message.sv).not.toBe(message.en);
      expect(message.fi).not.toMatch(/\{\w+\}/);
    }
  });

  it("keeps the technical English of shapes only a custom front end sends, or asks to check the answer", () => {
    const issue = schema.safeParse({ ...valid, budget: "lots" }).error!.issues[0]!;
    expect(answerMessageOf(issue)).toBeUndefined();
    expect(answerIssueText(issue, translate("fi"), "original")).toBe("Answer with item ids and points");
    expect(answerIssueText(issue, translate("fi"))).toBe("Tarkista tämä vastaus.");
  });
});
