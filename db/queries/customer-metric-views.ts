import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { joinableCustomerId, verifiedOnlyOfStudy } from "./customer-join";

/** Read side of a metric snapshot: segment table, R × F heat map, histograms, the customer table and the join to respondents. */

type SnapshotKey = { workspaceId: string; snapshotId: string };

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

const inSnapshot = (p: SnapshotKey, alias = sql`m`) => sql`${alias}.snapshot_id = ${p.snapshotId} and ${alias}.workspace_id = ${p.workspaceId}`;

export type SegmentRow = {
  segment: string | null;
  customers: number;
  revenue: number;
  avgRecency: number | null;
  avgFrequency: number;
  avgMonetary: number;
};

/** Customers, revenue and averages per named RFM segment (null: no purchases, so no RFM score). */
export async function segmentSummary(db: Database, params: SnapshotKey): Promise<SegmentRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select m.rfm_segment as segment, count(*) as customers, coalesce(sum(m.monetary), 0)::text as revenue,
        avg(m.recency_days)::float8 as avg_recency, avg(m.frequency)::float8 as avg_frequency, avg(m.monetary)::float8 as avg_monetary
      from customer_metrics m where ${inSnapshot(params)}
      group by m.rfm_segment order by sum(m.monetary) desc nulls last`),
  );
  return rows.map((row) => ({
    segment: (row.segment as string | null) ?? null,
    customers: Number(row.customers),
    revenue: Number(row.revenue),
    avgRecency: row.avg_recency === null ? null : Number(row.avg_recency),
    avgFrequency: Number(row.avg_frequency),
    avgMonetary: Number(row.avg_monetary),
  }));
}

export type GridCell = { r: number; f: number; customers: number; revenue: number; avgM: number };

/** The R × F grid: customers, revenue and the mean M score per cell. */
export async function rfGrid(db: Database, params: SnapshotKey): Promise<GridCell[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select m.recency_score as r, m.frequency_score as f, count(*) as customers, sum(m.monetary)::text as revenue,
        avg(m.monetary_score)::float8 as avg_m
      from customer_metrics m where ${inSnapshot(params)} and m.recency_score is not null
      group by 1, 2 order by 1, 2`),
  );
  return rows.map((row) => ({ r: Number(row.r), f: Number(row.f), customers: Number(row.customers), revenue: Number(row.revenue), avgM: Number(row.avg_m) }));
}

export type HistogramBin = { from: number; to: number; customers: number; open: boolean };
const HISTOGRAM_COLUMNS = { recency: sql`m.recency_days`, frequency: sql`m.frequency`, monetary: sql`m.monetary` } as const;

/**
 * Up to 20 equal-width bins from the smallest value to the 99th percentile; customers above it land
 * in the last, open-ended bin, so one huge spender does not squash the chart. Integers get whole-number bins.
 */
export async function metricHistogram(
  db: Database,
  params: SnapshotKey & { metric: keyof typeof HISTOGRAM_COLUMNS },
): Promise<HistogramBin[]> {
  const column = HISTOGRAM_COLUMNS[params.metric];
  const where = sql`${inSnapshot(params)} and m.recency_score is not null`;
  const [range] = rowsOf<{ lo: number | null; hi: number | null; top: number | null }>(
    await db.execute(sql`
      select min(${column})::float8 as lo, percentile_cont(0.99) within group (order by ${column}::float8) as hi, max(${column})::float8 as top
      from customer_metrics m where ${where}`),
  );
  if (!range || range.lo === null || range.hi === null) return [];
  const lo = Number(range.lo);
  const hi = Math.max(Number(range.hi), lo);
  const top = Number(range.top);
  const integer = params.metric !== "monetary";
  const width = integer ? Math.max(1, Math.ceil((hi - lo + 1) / 20)) : Math.max((hi - lo) / 20, 0.01);
  const bins = integer ? Math.ceil((hi - lo + 1) / width) : 20;
  const rows = rowsOf<{ bin: number; n: number | string }>(
    await db.execute(sql`
      select least(floor((${column}::float8 - ${lo}) / ${width}), ${bins - 1})::int as bin, count(*) as n
      from customer_metrics m where ${where} group by 1 order by 1`),
  );
  const counts = new Map(rows.map((row) => [Number(row.bin), Number(row.n)]));
  return Array.from({ length: bins }, (_, i) => {
    const from = lo + i * width;
    const last = i === bins - 1;
    return { from, to: last ? Math.max(top, from + width) : from + width, customers: counts.get(i) ?? 0, open: last && top > from + width };
  });
}

export type CustomerRow = {
  customerId: string;
  recencyDays: number | null;
  frequency: number;
  monetary: number;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: string | null;
  tier: string | null;
  averageOrderValue: number | null;
  arpu: number | null;
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
  churned: boolean | null;
};

export type CustomerPageQuery = { q?: string; segment?: string; tier?: string; after?: string; limit: number };

/** Cursor of the keyset: the last row's monetary value and customer id. */
function decodeCursor(after: string | undefined): { monetary: string; id: string } | undefined {
  if (!after) return undefined;
  const at = after.indexOf("|");
  if (at < 0 || !/^-?\d+(\.\d+)?$/.test(after.slice(0, at))) return undefined;
  return { monetary: after.slice(0, at), id: after.slice(at + 1) };
}

/**
 * One page of customers, biggest spenders first (ties by id, descending), by keyset on (monetary, id) so page 2,000
 * costs what page 1 does (index customer_metrics_snapshot_monetary_idx). Search is by id prefix.
 */
export async function customerPage(db: Database, params: SnapshotKey & CustomerPageQuery) {
  const filters: SQL[] = [inSnapshot(params)];
  if (params.q) filters.push(sql`starts_with(m.customer_external_id, ${params.q})`);
  if (params.segment) filters.push(sql`m.rfm_segment = ${params.segment}`);
  if (params.tier) filters.push(sql`m.engagement_tier = ${params.tier}`);
  const where = sql.join(filters, sql` and `);
  const cursor = decodeCursor(params.after);
  // One row comparison in the index's own order, so the scan starts right at the cursor.
  const keyset = cursor ? sql`and (m.monetary, m.customer_external_id) < (${cursor.monetary}::numeric, ${cursor.id}::text)` : sql``;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select m.customer_external_id as id, m.recency_days, m.frequency, m.monetary::text as monetary, m.recency_score, m.frequency_score,
        m.monetary_score, m.rfm_segment, m.engagement_tier, m.average_order_value::text as aov, m.arpu::text as arpu,
        m.first_purchase_at, m.last_purchase_at, m.churned
      from customer_metrics m where ${where} ${keyset}
      order by m.monetary desc, m.customer_external_id desc limit ${params.limit + 1}`),
  );
  const [total] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from customer_metrics m where ${where}`));
  const page = rows.slice(0, params.limit);
  const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
  const customers: CustomerRow[] = page.map((row) => ({
    customerId: String(row.id),
    recencyDays: row.recency_days === null ? null : Number(row.recency_days),
    frequency: Number(row.frequency),
    monetary: Number(row.monetary),
    r: row.recency_score === null ? null : Number(row.recency_score),
    f: row.frequency_score === null ? null : Number(row.frequency_score),
    m: row.monetary_score === null ? null : Number(row.monetary_score),
    segment: (row.rfm_segment as string | null) ?? null,
    tier: (row.engagement_tier as string | null) ?? null,
    averageOrderValue: row.aov === null ? null : Number(row.aov),
    arpu: row.arpu === null ? null : Number(row.arpu),
    firstPurchaseAt: iso(row.first_purchase_at),
    lastPurchaseAt: iso(row.last_purchase_at),
    churned: row.churned === null ? null : Boolean(row.churned),
  }));
  const last = page[page.length - 1];
  const nextCursor = rows.length > params.limit && last ? `${String(last.monetary)}|${String(last.id)}` : null;
  return { customers, total: Number(total?.n ?? 0), nextCursor };
}

export type RespondentJoin = {
  responses: number;
  withCustomerId: number;
  /** Of those, ids from a public link's URL or the public API (not signed). */
  withUnverifiedId: number;
  /** Matches the joins use: every match, or only verified ones when verifiedOnly. */
  matched: number;
  /** Matches through signed personal links. */
  matchedVerified: number;
  /** Matches through unverified ids: joined unless verifiedOnly, which leaves them out. */
  matchedUnverified: number;
  /** The study's "join only signed personal links" setting. */
  verifiedOnly: boolean;
  unmatched: { customerId: string; responses: number }[];
  customersWithoutResponse: number;
  customersWithoutResponseSample: { customerId: string; monetary: number; segment: string | null }[];
};

/**
 * The join of the study's complete responses to the snapshot's customers by customer id: counts (verified
 * and unverified matches apart), the ids respondents carried that the customer data does not know, and
 * customers nobody answered for. With "join only signed personal links" on, unverified ids take no part
 * in the lists or in `matched`; `matchedUnverified` still says how many were left out.
 */
export async function respondentJoin(db: Database, params: SnapshotKey & { studyId: string; listLimit?: number }): Promise<RespondentJoin> {
  const limit = params.listLimit ?? 50;
  const verifiedOnly = verifiedOnlyOfStudy(params);
  const studyResponses = sql`
    select r.customer_id, r.customer_id_verified as verified from responses r join surveys s on s.id = r.survey_id
    where r.workspace_id = ${params.workspaceId} and s.study_id = ${params.studyId} and r.status = 'complete'`;
  const joinable = sql`${joinableCustomerId(sql`rs.verified`, verifiedOnly)}`;
  const [counts] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with rs as (${studyResponses})
      select count(*) as responses,
        count(*) filter (where rs.customer_id is not null and rs.customer_id <> '') as with_id,
        count(*) filter (where rs.customer_id is not null and rs.customer_id <> '' and not rs.verified) as with_unverified_id,
        count(*) filter (where m.customer_external_id is not null and rs.verified) as matched_verified,
        count(*) filter (where m.customer_external_id is not null and not rs.verified) as matched_unverified,
        ${verifiedOnly} as verified_only
      from rs left join customer_metrics m on ${inSnapshot(params)} and m.customer_external_id = rs.customer_id`),
  );
  const unmatched = rowsOf<{ customer_id: string; n: number | string }>(
    await db.execute(sql`
      with rs as (${studyResponses})
      select rs.customer_id, count(*) as n from rs
      where rs.customer_id is not null and rs.customer_id <> '' and ${joinable}
        and not exists (select 1 from customer_metrics m where ${inSnapshot(params)} and m.customer_external_id = rs.customer_id)
      group by rs.customer_id order by rs.customer_id limit ${limit}`),
  );
  const withoutResponse = sql`
    from customer_metrics m where ${inSnapshot(params)}
      and not exists (select 1 from responses r join surveys s on s.id = r.survey_id
        where r.workspace_id = ${params.workspaceId} and r.customer_id = m.customer_external_id and s.study_id = ${params.studyId} and r.status = 'complete'
          and ${joinableCustomerId(sql`r.customer_id_verified`, verifiedOnly)})`;
  const [without] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n ${withoutResponse}`));
  const sample = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select m.customer_external_id as id, m.monetary::text as monetary, m.rfm_segment ${withoutResponse}
      order by m.monetary desc, m.customer_external_id limit ${limit}`),
  );
  const matchedVerified = Number(counts?.matched_verified ?? 0);
  const matchedUnverified = Number(counts?.matched_unverified ?? 0);
  // Raw sql skips drizzle's mapping: PGlite and postgres.js may hand a boolean back as true or 't'.
  const onlyVerified = counts?.verified_only === true || counts?.verified_only === "t";
  return {
    responses: Number(counts?.responses ?? 0),
    withCustomerId: Number(counts?.with_id ?? 0),
    withUnverifiedId: Number(counts?.with_unverified_id ?? 0),
    matched: onlyVerified ? matchedVerified : matchedVerified + matchedUnverified,
    matchedVerified,
    matchedUnverified,
    verifiedOnly: onlyVerified,
    unmatched: unmatched.map((row) => ({ customerId: row.customer_id, responses: Number(row.n) })),
    customersWithoutResponse: Number(without?.n ?? 0),
    customersWithoutResponseSample: sample.map((row) => ({ customerId: String(row.id), monetary: Number(row.monetary), segment: (row.rfm_segment as string | null) ?? null })),
  };
}

