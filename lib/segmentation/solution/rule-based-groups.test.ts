import { describe, expect, it } from "vitest";
import { groupRuleBased, RULE_BASED_VARIABLES, type RuleBasedRespondent } from "./rule-based-groups";

const r = (id: string, rfmSegment: string | null, engagementTier: string | null, scores: (number | null)[] = [3, 3, 3]): RuleBasedRespondent => ({
  responseId: id,
  rfmSegment,
  engagementTier,
  recencyScore: scores[0]!,
  frequencyScore: scores[1]!,
  monetaryScore: scores[2]!,
});

describe("groupRuleBased", () => {
  const respondents = [
    r("a", "Champions", "Power", [5, 5, 5]),
    r("b", "Lost", "Dormant", [1, 1, 1]),
    r("c", "Champions", "Power", [5, 4, 5]),
    r("d", null, "Casual", [null, null, null]),
    r("e", "Lost", null, [1, 2, 1]),
    r("f", "At risk", "Casual", [2, 3, 3]),
  ];

  it("makes one segment per RFM segment, largest first, with mean R/F/M scores", () => {
    const groups = groupRuleBased(respondents, "rfm_segments");
    expect(groups.segments).toEqual([
      { name: "Champions", size: 2, means: [5, 4.5, 5] },
      { name: "Lost", size: 2, means: [1, 1.5, 1] },
      { name: "At risk", size: 1, means: [2, 3, 3] },
    ]);
    expect(groups.variables).toEqual(RULE_BASED_VARIABLES);
    expect(groups.totalMeans).toEqual([14 / 5, 15 / 5, 15 / 5]);
    expect(groups.responseIds).toEqual(["a", "c", "b", "e", "f"]);
    expect(Array.from(groups.positions)).toEqual([0, 0, 1, 1, 2]);
  });

  it("drops the score profile when a group has no scored customer", () => {
    const groups = groupRuleBased(respondents, "engagement_tiers");
    expect(groups.segments.map((s) => [s.name, s.size])).toEqual([["Casual", 2], ["Power", 2], ["Dormant", 1]]);
    expect(groups.segments[0]!.means).toEqual([2, 3, 3]);
    const unscored = groupRuleBased([r("x", null, "Casual", [null, null, null]), r("y", null, "Power")], "engagement_tiers");
    expect(unscored.variables).toEqual([]);
    expect(unscored.segments.every((s) => s.means.length === 0)).toBe(true);
  });
});
