import { describe, expect, it } from "vitest";
import { draftPersonaFromSegment } from "./demo-personas";

const variables = [
  { id: "rest", label: "Rest and relax" },
  { id: "fun", label: "Fun and entertainment" },
  { id: "culture", label: "Cultural offers" },
];

describe("draftPersonaFromSegment", () => {
  it("names the segment and sets goals from what it values above average", () => {
    const draft = draftPersonaFromSegment({ variables, means: [0.9, 0.9, 0.1], totalMeans: [0.8, 0.4, 0.3], share: 0.25, takenNames: [] });
    expect(draft.name).toBe("Fun and entertainment & Rest and relax");
    expect(draft.goals?.[0]).toBe("Fun and entertainment (90 % vs 40 % of all)");
    expect(draft.pains).toEqual(["Little interest in cultural offers (10 % vs 30 %)"]);
    expect(draft.status).toBe("published");
  });

  it("falls back to the segment's own most common motives when it is below average on all", () => {
    const draft = draftPersonaFromSegment({ variables, means: [0.7, 0.1, 0.05], totalMeans: [0.8, 0.4, 0.3], share: 0.3, takenNames: [] });
    expect(draft.goals?.[0]).toBe("Rest and relax (70 % vs 80 % of all)");
    expect(draft.actions).toHaveLength(2);
  });
});
