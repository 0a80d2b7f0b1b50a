import { csvLine } from "@/lib/responses/csv";

export type MembershipRow = {
  customerId: string | null;
  responseId: string;
  segmentId: string;
  segmentName: string;
  solutionName: string;
  assignedAt: Date;
  assignedLater: boolean;
};

export const MEMBERSHIP_CSV_COLUMNS = ["customer_id", "response_id", "segment", "segment_id", "solution", "assigned_at", "assigned_later"];

/**
 * Segment membership for CRMs (design.md "Sharing"): one row per assigned response. Segment and
 * solution names are the team's free text, so every cell goes through the formula-escaping CSV writer.
 */
export function membershipCsv(rows: readonly MembershipRow[]): string {
  return [
    csvLine(MEMBERSHIP_CSV_COLUMNS),
    ...rows.map((row) =>
      csvLine([row.customerId, row.responseId, row.segmentName, row.segmentId, row.solutionName, row.assignedAt.toISOString(), row.assignedLater]),
    ),
  ].join("");
}
