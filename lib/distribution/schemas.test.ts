import { describe, expect, it } from "vitest";
import { parseLocalDateTime, ZSendMessagesInput, ZSurveyLimitsInput } from "./schemas";

describe("distribution inputs", () => {
  it("reads a datetime-local value in the browser's time zone", () => {
    // Helsinki in winter is UTC+2: getTimezoneOffset() is -120.
    expect(parseLocalDateTime("2026-01-15T09:00", -120)?.toISOString()).toBe("2026-01-15T07:00:00.000Z");
    expect(parseLocalDateTime("2026-01-15T09:00:00Z", -120)?.toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(parseLocalDateTime("", 0)).toBeNull();
  });

  it("rejects a bad send time, a zero limit and a quota without a limit", () => {
    const id = "5b0f8a52-6c1e-4d0b-9a55-1f0a4f1c2d3e";
    expect(ZSendMessagesInput.safeParse({ surveyId: id, kind: "invitation", sendAt: "tomorrow-ish" }).success).toBe(false);
    expect(ZSurveyLimitsInput.safeParse({ surveyId: id, responseLimit: "0", quotas: [] }).success).toBe(false);
    expect(ZSurveyLimitsInput.safeParse({ surveyId: id, responseLimit: "", quotas: [{ questionId: "q2", optionCode: 1 }] }).success).toBe(false);
    expect(ZSurveyLimitsInput.parse({ surveyId: id, responseLimit: "25", quotas: [] }).responseLimit).toBe(25);
  });
});
