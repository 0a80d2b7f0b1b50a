/**
 * Engagement tiers from usage, relative to the snapshot's reference date (the 30 days before it):
 * - power:   active on at least `powerMinActiveDays` of the last 30 days ("most days"; default 15)
 * - active:  active on at least `activeMinActiveDays` of the last 30 days ("weekly"; default 4)
 * - casual:  used within the last `dormantAfterDays` days but less than the above ("monthly")
 * - dormant: no use for `dormantAfterDays` days or more (default 30), or never
 * Active days come from usage events (distinct calendar days, UTC) or, for customers delivered
 * only as usage summaries, from active days per month (else sessions per month, at most 30).
 * The SQL in db/queries/customer-metrics.ts applies the same rule.
 */

export const ENGAGEMENT_TIERS = ["power", "active", "casual", "dormant"] as const;
export type EngagementTier = (typeof ENGAGEMENT_TIERS)[number];

/** The split most engagement reports compare with: 10 % power, 30 % active, 40 % casual, 20 % dormant. */
export const USUAL_TIER_SPLIT: Record<EngagementTier, number> = { power: 0.1, active: 0.3, casual: 0.4, dormant: 0.2 };

export type TierThresholds = { powerMinActiveDays: number; activeMinActiveDays: number; dormantAfterDays: number };

export function engagementTier(
  usage: { activeDaysLast30: number; daysSinceLastUse: number | null },
  thresholds: TierThresholds,
): EngagementTier {
  if (usage.daysSinceLastUse === null || usage.daysSinceLastUse >= thresholds.dormantAfterDays) return "dormant";
  if (usage.activeDaysLast30 >= thresholds.powerMinActiveDays) return "power";
  if (usage.activeDaysLast30 >= thresholds.activeMinActiveDays) return "active";
  return "casual";
}
