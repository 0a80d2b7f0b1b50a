import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/responses/csv";
import { membershipCsv } from "./membership-csv";

describe("membershipCsv", () => {
  it("writes one row per member and escapes names a spreadsheet would run as formulas", () => {
    const csv = membershipCsv([
      { customerId: "C-1", responseId: "r1", segmentId: "s1", segmentName: "=HYPERLINK(\"x\")", solutionName: "Motives, 2 segments", assignedAt: new Date("2026-01-02T03:04:05Z"), assignedLater: false },
      { customerId: null, responseId: "r2", segmentId: "s2", segmentName: "Explorers", solutionName: "Motives, 2 segments", assignedAt: new Date("2026-02-01T00:00:00Z"), assignedLater: true },
    ]);
    expect(parseCsv(csv)).toEqual([
      ["customer_id", "response_id", "segment", "segment_id", "solution", "assigned_at", "assigned_later"],
      ["C-1", "r1", "'=HYPERLINK(\"x\")", "s1", "Motives, 2 segments", "2026-01-02T03:04:05.000Z", "0"],
      ["", "r2", "Explorers", "s2", "Motives, 2 segments", "2026-02-01T00:00:00.000Z", "1"],
    ]);
  });
});
