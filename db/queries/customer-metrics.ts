import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { visibleLines } from "./customer-lines";
import { customerMetricSettings, customerMetricSnapshots } from "../schema";
import { isUuid } from "@/lib/ids";

/**
 * Customer metrics of a study, computed in SQL so they scale with PostgreSQL: one snapshot row plus
 * one `customer_metrics` row per customer, written by insert … select inside one transaction.
 * The R/F/M scores use rank()/count() windows with integer division, exactly the rule of
 * lib/customers/metrics/scoring.ts (identical values always share a score).
 */

type WorkspaceKey = { workspaceId: string };
type StudyKey = WorkspaceKey & { studyId: string };

export type MetricCleaning = { excludeCancellations: boolean; excludeNonPositive: boolean; excludeMissingCustomer: boolean };

export type MetricComputation = {
  // Null: the day after the last transaction that survives cleaning (else after the last use; else today), UTC.
  referenceDate: string | null;
  cleaning: MetricCleaning;
  scoreMethod: "lower" | "upper";
  rfmMap: Record<string, string>;
  tiers: { powerMinActiveDays: number; activeMinActiveDays: number; dormantAfterDays: number };
  churnDays: number;
  arpuMonths: number;
};

export type ScoreBand = { score: number; min: number; max: number; count: number };

export type SnapshotSummary = {
  referenceDate: string;
  customers: number;
  buyers: number;
  invoices: number;
  lines: number;
  revenue: number;
  churned: number;
  bands: { r: ScoreBand[]; f: ScoreBand[]; m: ScoreBand[] };
  tiers: Record<string, number>;
  arpu: { months: number; periodRevenue: number; activeCustomers: number; value: number | null };
  hasUsage: boolean;
};

export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

export const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** The cleaning rules as a WHERE fragment on transactions aliased `t`. */
function cleaningWhere(cleaning: MetricCleaning): SQL {
  const parts: SQL[] = [];
  if (cleaning.excludeCancellations) parts.push(sql`not t.is_cancellation`);
  if (cleaning.excludeNonPositive) {
    parts.push(sql`coalesce(t.quantity, 1) > 0 and coalesce(t.unit_price, 1) > 0 and t.amount > 0`);
  }
  if (cleaning.excludeMissingCustomer) parts.push(sql`t.customer_external_id is not null and t.customer_external_id <> ''`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

// ---------- settings ----------

export async function getMetricSettings(db: Database, params: StudyKey): Promise<unknown | undefined> {
  const [row] = await db
    .select({ settings: customerMetricSettings.settings })
    .from(customerMetricSettings)
    .where(and(eq(customerMetricSettings.workspaceId, params.workspaceId), eq(customerMetricSettings.studyId, params.studyId)));
  return row?.settings;
}

export async function saveMetricSettings(db: Database, params: StudyKey & { settings: Record<string, unknown> }) {
  await db
    .insert(customerMetricSettings)
    .values({ studyId: params.studyId, workspaceId: params.workspaceId, settings: params.settings })
    .onConflictDoUpdate({
      target: customerMetricSettings.studyId,
      set: { settings: params.settings, updatedAt: new Date() },
      // Never let one workspace overwrite another's row through a guessed study id.
      setWhere: eq(customerMetricSettings.workspaceId, params.workspaceId),
    });
}

// ---------- inputs ----------

/** Whether the workspace holds any customer data at all (customers, transactions or usage). */
export async function workspaceHasCustomerData(db: Database, params: WorkspaceKey): Promise<boolean> {
  const result = await db.execute(sql`
    select exists (select 1 from customers where workspace_id = ${params.workspaceId})
        or exists (select 1 from transactions t where ${visibleLines("t", params.workspaceId)})
        or exists (select 1 from usage_events e where ${visibleLines("e", params.workspaceId)})
        or exists (select 1 from usage_summaries where workspace_id = ${params.workspaceId}) as has`);
  return Boolean(rowsOf<{ has: boolean }>(result)[0]?.has);
}

async function workspaceHasUsage(db: Database, params: WorkspaceKey): Promise<boolean> {
  const result = await db.execute(sql`
    select exists (select 1 from usage_events e where ${visibleLines("e", params.workspaceId)})
        or exists (select 1 from usage_summaries where workspace_id = ${params.workspaceId}) as has`);
  return Boolean(rowsOf<{ has: boolean }>(result)[0]?.has);
}

// ---------- computation ----------

function scoreSql(rank: SQL, atMost: SQL, method: "lower" | "upper"): SQL {
  return method === "upper"
    ? sql`greatest(1, (5 * ${atMost} + count(*) over () - 1) / count(*) over ())`
    : sql`coalesce(least(5, 1 + (5 * (${rank} - 1)) / nullif(count(*) over () - 1, 0)), 1)`;
}

function scoresFor(column: SQL, direction: "asc" | "desc", method: "lower" | "upper"): SQL {
  const order = direction === "asc" ? sql`${column} asc` : sql`${column} desc`;
  return scoreSql(sql`rank() over (order by ${order})`, sql`count(*) over (order by ${order})`, method);
}

/**
 * Computes every customer's metrics for one study and stores them as a new snapshot; returns its id
 * and summary. Everything happens in one transaction: a failure leaves no half-written snapshot.
 * The transaction lines are read once, into a temporary table of orders (customer × order id);
 * everything after that works on orders, which are far fewer than lines.
 */
export async function writeMetricSnapshot(
  db: Database,
  params: StudyKey & { computation: MetricComputation; settings: Record<string, unknown> },
): Promise<{ snapshotId: string; summary: SnapshotSummary }> {
  const c = params.computation;
  const ws = params.workspaceId;
  const clean = cleaningWhere(c.cleaning);
  const hasUsage = await workspaceHasUsage(db, { workspaceId: ws });
  const t = c.tiers;

  return db.transaction(async (tx) => {
    const fixedRef = c.referenceDate ? sql`and t.occurred_at < (${c.referenceDate}::date)::timestamp at time zone 'UTC'` : sql``;
    await tx.execute(sql`
      create temporary table metric_orders on commit drop as
      select t.customer_external_id as cid, t.order_id,
        bool_or(not t.is_cancellation) as is_order,
        sum(t.amount) as amount,
        min(t.occurred_at) as first_at,
        max(t.occurred_at) as last_at,
        count(*) as lines
      from transactions t
      where ${visibleLines("t", ws)} and ${clean} ${fixedRef}
      group by t.customer_external_id, t.order_id`);

    const [ref] = rowsOf<{ day: string }>(
      await tx.execute(sql`
        select to_char(coalesce(
          ${c.referenceDate}::date,
          (select max(last_at at time zone 'UTC')::date + 1 from metric_orders),
          (select greatest(
            (select max(e.occurred_at at time zone 'UTC') from usage_events e where ${visibleLines("e", ws)}),
            (select max(last_active_at at time zone 'UTC') from usage_summaries where workspace_id = ${ws}))::date + 1),
          (now() at time zone 'UTC')::date), 'YYYY-MM-DD') as day`),
    );
    const referenceDate = ref!.day;
    const refTs = sql`(${referenceDate}::date)::timestamp at time zone 'UTC'`;
    const refDate = sql`${referenceDate}::date`;
    const arpuStart = sql`(${refTs} - make_interval(months => ${c.arpuMonths}::int))`;

    const [snapshot] = await tx
      .insert(customerMetricSnapshots)
      .values({ workspaceId: ws, studyId: params.studyId, referenceDate, settings: params.settings })
      .returning({ id: customerMetricSnapshots.id });
    const snapshotId = snapshot!.id;

    const tierSql = hasUsage
      ? sql`case
          when u.last_use is null or ${refDate} - (u.last_use at time zone 'UTC')::date >= ${t.dormantAfterDays}::int then 'dormant'
          when u.days30 >= ${t.powerMinActiveDays}::int then 'power'
          when u.days30 >= ${t.activeMinActiveDays}::int then 'active'
          else 'casual' end`
      : sql`null::text`;

    await tx.execute(sql`
      insert into customer_metrics (snapshot_id, workspace_id, customer_external_id, recency_days, frequency, monetary,
        recency_score, frequency_score, monetary_score, rfm_segment, engagement_tier, average_order_value, arpu,
        first_purchase_at, last_purchase_at, churned)
      with buyers as (
        select o.cid,
          (count(*) filter (where o.is_order))::int as frequency,
          sum(o.amount) as monetary,
          min(o.first_at) as first_at,
          max(o.last_at) as last_at,
          (${refDate} - max(o.last_at at time zone 'UTC')::date)::int as recency_days,
          coalesce(sum(o.amount) filter (where o.last_at >= ${arpuStart}), 0) as period_revenue
        from metric_orders o
        where o.cid is not null and o.cid <> ''
        group by o.cid
      ),
      scored as (
        select cid,
          ${scoresFor(sql`recency_days`, "desc", c.scoreMethod)} as r,
          ${scoresFor(sql`frequency`, "asc", c.scoreMethod)} as f,
          ${scoresFor(sql`monetary`, "asc", c.scoreMethod)} as m
        from buyers where frequency > 0
      ),
      usage as (
        select coalesce(e.cid, s.cid) as cid,
          coalesce(e.days30, s.days30) as days30,
          coalesce(e.last_use, s.last_use) as last_use
        from (
          select customer_external_id as cid,
            count(distinct (occurred_at at time zone 'UTC')::date) filter (where occurred_at >= ${refTs} - interval '30 days') as days30,
            max(occurred_at) as last_use
          from usage_events e where ${visibleLines("e", ws)} and occurred_at < ${refTs}
          group by customer_external_id
        ) e
        full join (
          select customer_external_id as cid,
            least(30, coalesce(active_days_per_month, sessions_per_month, 0)) as days30,
            case when last_active_at < ${refTs} then last_active_at end as last_use
          from usage_summaries where workspace_id = ${ws}
        ) s on s.cid = e.cid
      ),
      people as (
        select external_id as cid from customers where workspace_id = ${ws}
        union select cid from buyers
        union select cid from usage
      )
      select ${snapshotId}::uuid, ${ws}::uuid, p.cid, b.recency_days, coalesce(b.frequency, 0), coalesce(b.monetary, 0),
        s.r, s.f, s.m,
        (${JSON.stringify(c.rfmMap)}::jsonb) ->> (s.r::text || s.f::text || s.m::text),
        ${tierSql},
        b.monetary / nullif(b.frequency, 0),
        b.period_revenue / ${c.arpuMonths}::int,
        b.first_at, b.last_at,
        case when b.cid is null then null else b.recency_days > ${c.churnDays}::int end
      from people p
      left join buyers b on b.cid = p.cid
      left join scored s on s.cid = p.cid
      left join usage u on u.cid = p.cid`);

    const totals = rowsOf<Record<string, unknown>>(
      await tx.execute(sql`
        select count(*) filter (where o.is_order) as invoices,
          coalesce(sum(o.lines), 0) as lines,
          coalesce(sum(o.amount), 0)::text as revenue,
          coalesce(sum(o.amount) filter (where o.last_at >= ${arpuStart} and o.cid is not null), 0)::text as period_revenue,
          count(distinct o.cid) filter (where o.last_at >= ${arpuStart}) as period_customers
        from metric_orders o`),
    )[0]!;

    const perCustomer = rowsOf<Record<string, unknown>>(
      await tx.execute(sql`
        select count(*) as customers,
          count(*) filter (where recency_score is not null) as buyers,
          count(*) filter (where churned) as churned
        from customer_metrics where snapshot_id = ${snapshotId}`),
    )[0]!;

    const bandRows = rowsOf<{ k: string; score: number; lo: string; hi: string; n: string | number }>(
      await tx.execute(sql`
        select 'r' as k, recency_score as score, min(recency_days)::text as lo, max(recency_days)::text as hi, count(*) as n
          from customer_metrics where snapshot_id = ${snapshotId} and recency_score is not null group by recency_score
        union all
        select 'f', frequency_score, min(frequency)::text, max(frequency)::text, count(*)
          from customer_metrics where snapshot_id = ${snapshotId} and frequency_score is not null group by frequency_score
        union all
        select 'm', monetary_score, min(monetary)::text, max(monetary)::text, count(*)
          from customer_metrics where snapshot_id = ${snapshotId} and monetary_score is not null group by monetary_score
        order by 1, 2`),
    );
    const bands: SnapshotSummary["bands"] = { r: [], f: [], m: [] };
    for (const row of bandRows) {
      bands[row.k as "r" | "f" | "m"].push({ score: Number(row.score), min: Number(row.lo), max: Number(row.hi), count: Number(row.n) });
    }

    const tierRows = rowsOf<{ tier: string; n: string | number }>(
      await tx.execute(sql`
        select engagement_tier as tier, count(*) as n from customer_metrics
        where snapshot_id = ${snapshotId} and engagement_tier is not null group by engagement_tier`),
    );

    const periodCustomers = num(totals.period_customers);
    const periodRevenue = num(totals.period_revenue);
    const summary: SnapshotSummary = {
      referenceDate,
      customers: num(perCustomer.customers),
      buyers: num(perCustomer.buyers),
      invoices: num(totals.invoices),
      lines: num(totals.lines),
      revenue: num(totals.revenue),
      churned: num(perCustomer.churned),
      bands,
      tiers: Object.fromEntries(tierRows.map((row) => [row.tier, Number(row.n)])),
      arpu: {
        months: c.arpuMonths,
        periodRevenue,
        activeCustomers: periodCustomers,
        value: periodCustomers > 0 ? periodRevenue / periodCustomers / c.arpuMonths : null,
      },
      hasUsage,
    };
    await tx.update(customerMetricSnapshots).set({ summary }).where(eq(customerMetricSnapshots.id, snapshotId));
    return { snapshotId, summary };
  });
}

// ---------- reading snapshots ----------

const snapshotColumns = {
  id: customerMetricSnapshots.id,
  referenceDate: customerMetricSnapshots.referenceDate,
  computedAt: customerMetricSnapshots.computedAt,
  summary: customerMetricSnapshots.summary,
  settings: customerMetricSnapshots.settings,
};

export async function listMetricSnapshots(db: Database, params: StudyKey & { limit?: number }) {
  if (!isUuid(params.studyId)) return [];
  const rows = await db
    .select(snapshotColumns)
    .from(customerMetricSnapshots)
    .where(and(eq(customerMetricSnapshots.workspaceId, params.workspaceId), eq(customerMetricSnapshots.studyId, params.studyId)))
    .orderBy(desc(customerMetricSnapshots.computedAt))
    .limit(params.limit ?? 20);
  return rows.map((row) => ({ ...row, summary: row.summary as SnapshotSummary | null }));
}

export async function latestMetricSnapshot(db: Database, params: StudyKey) {
  const [row] = await listMetricSnapshots(db, { ...params, limit: 1 });
  return row;
}
