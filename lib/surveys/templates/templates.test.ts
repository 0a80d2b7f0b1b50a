import { describe, expect, it } from "vitest";
import { ZSurveyDefinition } from "../definition";
import { SURVEY_TEMPLATE_IDS, SURVEY_TEMPLATES } from "./index";

describe("survey templates", () => {
  it.each(SURVEY_TEMPLATE_IDS)("%s is a valid definition with texts in English, Finnish and Swedish", (id) => {
    const parsed = ZSurveyDefinition.safeParse(SURVEY_TEMPLATES[id]());
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const text = JSON.stringify(parsed.data);
    for (const question of parsed.data!.questions) {
      for (const locale of ["en", "fi", "sv"] as const) expect(question.text[locale], `${id}.${question.id}.${locale}`).toBeTruthy();
    }
    expect(text).not.toContain('""');
  });

  it("returns a fresh copy each time, so editing one never changes the template", () => {
    const first = SURVEY_TEMPLATES.motive_battery();
    first.questions[0]!.rows.pop();
    expect(SURVEY_TEMPLATES.motive_battery().questions[0]!.rows).toHaveLength(10);
  });
});
