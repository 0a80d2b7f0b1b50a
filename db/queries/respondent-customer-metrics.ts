import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { isUuid } from "@/lib/ids";
import { joinableCustomerId, verifiedOnlyOfStudy } from "./customer-join";
import { latestMetricSnapshot, num, rowsOf } from "./customer-metrics";

type StudyKey = { workspaceId: string; studyId: string };

export type RespondentCustomerMetrics = {
  responseId: string;
  customerId: string;
  recencyDays: number | null;
  frequency: number;
  monetary: number;
  lifetimeSpend: number;
  recencyScore: number | null;
  frequencyScore: number | null;
  monetaryScore: number | null;
  rfmSegment: string | null;
  engagementTier: string | null;
  averageOrderValue: number | null;
  arpu: number | null;
  churned: boolean | null;
};

/**
 * Per response of the study's surveys that carries a customer id found in the latest snapshot: that
 * customer's metrics, as descriptor variables for segmentation and profiling. Responses without a
 * customer id, or whose id is not in the customer data, are left out, and so are unverified ids when the
 * study joins only signed personal links.
 */
export async function respondentCustomerMetrics(
  db: Database,
  params: StudyKey & { responseIds?: string[] },
): Promise<RespondentCustomerMetrics[]> {
  const snapshot = await latestMetricSnapshot(db, params);
  if (!snapshot) return [];
  const ids = params.responseIds?.filter(isUuid);
  if (ids && ids.length === 0) return [];
  const result = await db.execute(sql`
    select r.id as response_id, r.customer_id, m.recency_days, m.frequency, m.monetary::text as monetary,
      m.recency_score, m.frequency_score, m.monetary_score, m.rfm_segment, m.engagement_tier,
      m.average_order_value::text as aov, m.arpu::text as arpu, m.churned
    from responses r
    join surveys s on s.id = r.survey_id and s.study_id = ${params.studyId}
    join customer_metrics m on m.snapshot_id = ${snapshot.id} and m.customer_external_id = r.customer_id
      and ${joinableCustomerId(sql`r.customer_id_verified`, verifiedOnlyOfStudy(params))}
    where r.workspace_id = ${params.workspaceId} and r.customer_id is not null
      ${ids ? sql`and r.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
    order by r.created_at, r.id`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    responseId: String(row.response_id),
    customerId: String(row.customer_id),
    recencyDays: row.recency_days === null ? null : Number(row.recency_days),
    frequency: Number(row.frequency),
    monetary: Number(row.monetary),
    lifetimeSpend: Number(row.monetary),
    recencyScore: row.recency_score === null ? null : Number(row.recency_score),
    frequencyScore: row.frequency_score === null ? null : Number(row.frequency_score),
    monetaryScore: row.monetary_score === null ? null : Number(row.monetary_score),
    rfmSegment: (row.rfm_segment as string | null) ?? null,
    engagementTier: (row.engagement_tier as string | null) ?? null,
    averageOrderValue: row.aov === null ? null : Number(row.aov),
    arpu: row.arpu === null ? null : Number(row.arpu),
    churned: row.churned === null ? null : Boolean(row.churned),
  }));
}
