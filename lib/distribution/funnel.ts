export const CHANNELS = ["personal", "public", "api"] as const;
export type FunnelRow = { channel: (typeof CHANNELS)[number]; invited: number; opened: number; started: number; completed: number; responseRate: number | null };

/**
 * One row per channel in a fixed order. Response rate: for personal links, completed per invited
 * contact; for open links (public, API), completed per visit, as no one was invited.
 */
export function funnelRows(counts: readonly { channel: string; invited: number; opened: number; started: number; completed: number }[]): FunnelRow[] {
  return CHANNELS.map((channel) => {
    const row = counts.find((c) => c.channel === channel) ?? { invited: 0, opened: 0, started: 0, completed: 0 };
    const base = channel === "personal" ? row.invited : row.opened;
    return { channel, invited: row.invited, opened: row.opened, started: row.started, completed: row.completed, responseRate: base > 0 ? row.completed / base : null };
  });
}
