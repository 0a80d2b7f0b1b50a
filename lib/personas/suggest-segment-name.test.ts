import { describe, expect, it } from "vitest";
import { suggestSegmentName } from "./suggest-segment-name";

const s = (...labels: string[]) => labels.map((label) => ({ label }));

describe("suggestSegmentName", () => {
  it("joins the two most distinctive motives", () => {
    expect(suggestSegmentName({ above: s("rest and relax", "nature", "culture"), below: s("luxury") })).toBe("Rest and relax & nature");
  });

  it("falls back to one motive, then to what the segment cares least about", () => {
    expect(suggestSegmentName({ above: s("  cosy   places. "), below: [] })).toBe("Cosy places");
    expect(suggestSegmentName({ above: [], below: s("luxury") })).toBe("Not into luxury");
    expect(suggestSegmentName({ above: [], below: [] })).toBeUndefined();
  });

  it("avoids names already taken (case-insensitively), numbering as a last resort", () => {
    const above = s("rest", "nature", "culture");
    expect(suggestSegmentName({ above, below: [], taken: ["rest & NATURE"] })).toBe("Rest");
    expect(suggestSegmentName({ above, below: s("luxury"), taken: ["Rest & nature", "Rest", "Not into luxury", "Rest & culture"] })).toBe(
      "Rest & nature 2",
    );
  });

  it("keeps within 60 characters and uses translated templates", () => {
    const long = "I enjoy exploring the natural environment with my whole extended family every year";
    const name = suggestSegmentName({ above: s(long, "nature"), below: [] })!;
    expect(name.length).toBeLessThanOrEqual(60);
    expect(name.endsWith("…")).toBe(true);
    expect(suggestSegmentName({ above: [], below: s("luksus"), templates: { pair: "{a} ja {b}", single: "{a}", low: "Ei välitä: {a}" } })).toBe(
      "Ei välitä: luksus",
    );
  });
});
