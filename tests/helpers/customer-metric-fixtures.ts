import type { Database } from "@/db/client";
import { customerMetrics, customerMetricSnapshots } from "@/db/schema";

export type MetricRow = {
  customerExternalId: string;
  rfmSegment?: string | null;
  engagementTier?: string | null;
  monetary?: number;
  frequency?: number;
  recencyDays?: number | null;
  scores?: [number, number, number] | null;
  churned?: boolean | null;
};

/**
 * A customer-metric snapshot written straight into the tables (issue 4 computes them from
 * transactions; these tests need only the result), so segmentation tests do not depend on it.
 */
export async function insertMetricSnapshot(
  db: Database,
  params: { workspaceId: string; studyId: string; computedAt?: Date; referenceDate?: string; rows: MetricRow[] },
): Promise<string> {
  const [snapshot] = await db
    .insert(customerMetricSnapshots)
    .values({ workspaceId: params.workspaceId, studyId: params.studyId, referenceDate: params.referenceDate ?? "2026-01-01", settings: {}, computedAt: params.computedAt ?? new Date() })
    .returning({ id: customerMetricSnapshots.id });
  if (params.rows.length) {
    await db.insert(customerMetrics).values(
      params.rows.map((row) => ({
        snapshotId: snapshot!.id,
        workspaceId: params.workspaceId,
        customerExternalId: row.customerExternalId,
        rfmSegment: row.rfmSegment ?? null,
        engagementTier: row.engagementTier ?? null,
        monetary: String(row.monetary ?? 0),
        frequency: row.frequency ?? 0,
        recencyDays: row.recencyDays ?? null,
        recencyScore: row.scores?.[0] ?? null,
        frequencyScore: row.scores?.[1] ?? null,
        monetaryScore: row.scores?.[2] ?? null,
        churned: row.churned ?? null,
      })),
    );
  }
  return snapshot!.id;
}
