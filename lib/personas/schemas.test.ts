import { describe, expect, it } from "vitest";
import { ZSavePersonaActionInput, ZSavePersonaInput } from "./schemas";

describe("ZSavePersonaInput", () => {
  it("trims, fills defaults and keeps the segment name optional for API clients", () => {
    const parsed = ZSavePersonaInput.parse({ name: "  Relaxed Rita ", actions: [{ function: "sales", action: " Call " }] });
    expect(parsed).toEqual({
      name: "Relaxed Rita",
      summary: "",
      goals: [],
      pains: [],
      actions: [{ function: "sales", action: "Call", owner: "", kpi: "" }],
      status: "draft",
    });
  });

  it("rejects an empty or 61-character segment name, blank list lines and unknown functions", () => {
    const base = { name: "Rita" };
    expect(ZSavePersonaInput.safeParse({ ...base, segmentName: " " }).success).toBe(false);
    expect(ZSavePersonaInput.safeParse({ ...base, segmentName: "x".repeat(61) }).success).toBe(false);
    expect(ZSavePersonaInput.safeParse({ ...base, segmentName: "x".repeat(60) }).success).toBe(true);
    const blank = ZSavePersonaInput.safeParse({ ...base, goals: ["ok", "  "] });
    expect(blank.error?.issues[0]?.path).toEqual(["goals", 1]);
    expect(ZSavePersonaInput.safeParse({ ...base, actions: [{ function: "finance", action: "x" }] }).success).toBe(false);
    expect(ZSavePersonaInput.safeParse({ ...base, status: "archived" }).success).toBe(false);
  });

  it("needs a segment id in the server action's input", () => {
    expect(ZSavePersonaActionInput.safeParse({ name: "Rita" }).success).toBe(false);
    expect(ZSavePersonaActionInput.safeParse({ name: "Rita", segmentId: "00000000-0000-4000-8000-000000000000" }).success).toBe(true);
  });
});
