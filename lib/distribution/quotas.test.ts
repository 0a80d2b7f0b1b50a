import { describe, expect, it } from "vitest";
import { admissionDecision, isPastClose } from "./quotas";

const quotas = [{ questionId: "gender", optionCode: 2, limit: 50 }];

describe("admission decision", () => {
  it("admits while under the limit and the quota", () => {
    expect(admissionDecision({ responseLimit: 100, completeCount: 99, quotas, quotaCounts: [{ questionId: "gender", optionCode: 2, n: 49 }], answers: { gender: 2 } })).toEqual({ admit: true });
  });

  it("refuses at the response limit", () => {
    expect(admissionDecision({ responseLimit: 100, completeCount: 100, quotas: [], quotaCounts: [], answers: {} })).toEqual({ admit: false, reason: "limit" });
  });

  it("refuses a full quota only for answers that fall into it", () => {
    const quotaCounts = [{ questionId: "gender", optionCode: 2, n: 50 }];
    expect(admissionDecision({ responseLimit: null, completeCount: 10, quotas, quotaCounts, answers: { gender: 2 } })).toMatchObject({ admit: false, reason: "quota" });
    expect(admissionDecision({ responseLimit: null, completeCount: 10, quotas, quotaCounts, answers: { gender: 1 } })).toEqual({ admit: true });
  });

  it("closes at the close time, not before", () => {
    const closeAt = new Date("2026-01-01T12:00:00Z");
    expect(isPastClose(closeAt, new Date("2026-01-01T11:59:59Z"))).toBe(false);
    expect(isPastClose(closeAt, new Date("2026-01-01T12:00:00Z"))).toBe(true);
    expect(isPastClose(null, new Date())).toBe(false);
  });
});
