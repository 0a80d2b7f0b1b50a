import { describe, expect, it } from "vitest";
import { funnelRows } from "./funnel";

describe("funnel rows", () => {
  it("orders channels, fills missing ones with zeros and rates personal links per invitation", () => {
    const rows = funnelRows([
      { channel: "public", invited: 0, opened: 10, started: 4, completed: 2 },
      { channel: "personal", invited: 8, opened: 5, started: 3, completed: 2 },
    ]);
    expect(rows.map((r) => [r.channel, r.responseRate])).toEqual([["personal", 0.25], ["public", 0.2], ["api", null]]);
  });
});
