import { describe, expect, it } from "vitest";
import { allRfmCodes, defaultRfmMap, fmScore, RFM_SEGMENTS } from "./rfm-map";
import { engagementTier } from "./engagement";
import { defaultCustomerMetricSettings, ZCustomerMetricSettings } from "./schemas";

describe("default RFM map", () => {
  const map = defaultRfmMap();

  it("covers all 125 codes and uses all 11 named segments", () => {
    expect(allRfmCodes()).toHaveLength(125);
    expect(Object.keys(map).sort()).toEqual(allRfmCodes());
    expect(new Set(Object.values(map))).toEqual(new Set(RFM_SEGMENTS));
  });

  it("puts the textbook cells where the published table has them", () => {
    expect(map["555"]).toBe("champions");
    expect(map["444"]).toBe("champions");
    expect(map["111"]).toBe("lost");
    expect(map["155"]).toBe("cant_lose");
    expect(map["511"]).toBe("new");
    expect(map["411"]).toBe("promising");
    expect(map["233"]).toBe("at_risk");
    expect(map["322"]).toBe("need_attention");
    expect(map["311"]).toBe("about_to_sleep");
    expect(map["211"]).toBe("hibernating");
    expect(map["355"]).toBe("loyal");
    expect(map["522"]).toBe("potential_loyalist");
  });

  it("rounds FM half up", () => {
    expect(fmScore(4, 3)).toBe(4);
    expect(fmScore(1, 2)).toBe(2);
    expect(fmScore(1, 1)).toBe(1);
    expect(map["543"]).toBe(map["544"]);
  });
});

describe("engagement tiers", () => {
  const thresholds = { powerMinActiveDays: 15, activeMinActiveDays: 4, dormantAfterDays: 30 };
  it("applies the thresholds at their edges", () => {
    expect(engagementTier({ activeDaysLast30: 15, daysSinceLastUse: 1 }, thresholds)).toBe("power");
    expect(engagementTier({ activeDaysLast30: 14, daysSinceLastUse: 1 }, thresholds)).toBe("active");
    expect(engagementTier({ activeDaysLast30: 4, daysSinceLastUse: 3 }, thresholds)).toBe("active");
    expect(engagementTier({ activeDaysLast30: 3, daysSinceLastUse: 3 }, thresholds)).toBe("casual");
    expect(engagementTier({ activeDaysLast30: 1, daysSinceLastUse: 29 }, thresholds)).toBe("casual");
    expect(engagementTier({ activeDaysLast30: 0, daysSinceLastUse: 30 }, thresholds)).toBe("dormant");
    expect(engagementTier({ activeDaysLast30: 0, daysSinceLastUse: null }, thresholds)).toBe("dormant");
  });
});

describe("settings schema", () => {
  it("fills every default", () => {
    const settings = defaultCustomerMetricSettings();
    expect(settings).toMatchObject({ referenceDate: null, scoreMethod: "lower", churnDays: 90, arpuMonths: 12 });
    expect(settings.cleaning).toEqual({ excludeCancellations: true, excludeNonPositive: true, excludeMissingCustomer: true });
    expect(Object.keys(settings.rfmMap)).toHaveLength(125);
  });

  it("rejects an incomplete map, an unknown segment, bad dates and crossed tier thresholds", () => {
    const map = defaultRfmMap();
    const { ["555"]: _dropped, ...partial } = map;
    expect(ZCustomerMetricSettings.safeParse({ rfmMap: partial }).success).toBe(false);
    expect(ZCustomerMetricSettings.safeParse({ rfmMap: { ...map, "555": "vip" } }).success).toBe(false);
    expect(ZCustomerMetricSettings.safeParse({ referenceDate: "2011-02-30x" }).success).toBe(false);
    expect(ZCustomerMetricSettings.safeParse({ referenceDate: "2011-12-10" }).success).toBe(true);
    const crossed = ZCustomerMetricSettings.safeParse({ tiers: { powerMinActiveDays: 4, activeMinActiveDays: 4, dormantAfterDays: 30 } });
    expect(crossed.success).toBe(false);
    expect(ZCustomerMetricSettings.safeParse({ churnDays: 0 }).success).toBe(false);
  });
});
