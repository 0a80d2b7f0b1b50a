import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { responses } from "../schema";
import { SPEEDER_FRACTION } from "@/lib/responses/quality";
import type { TResponseListFilters } from "@/lib/responses/schemas";
import { isUuid } from "@/lib/ids";

type Scope = { workspaceId: string; surveyId: string };

function filtersOf(params: Scope & { filters?: TResponseListFilters }): SQL | undefined {
  const f = params.filters ?? {};
  const flag =
    f.flag === "any"
      ? sql`jsonb_array_length(${responses.flags}) > 0`
      : f.flag === "none"
        ? sql`jsonb_array_length(${responses.flags}) = 0`
        : f.flag
          ? sql`${responses.flags} ? ${f.flag}`
          : undefined;
  return and(
    eq(responses.workspaceId, params.workspaceId),
    eq(responses.surveyId, params.surveyId),
    f.status ? eq(responses.status, f.status) : undefined,
    f.channel ? eq(responses.channel, f.channel) : undefined,
    f.language ? eq(responses.language, f.language) : undefined,
    flag,
  );
}

const listColumns = {
  id: responses.id,
  status: responses.status,
  customerId: responses.customerId,
  customerIdVerified: responses.customerIdVerified,
  language: responses.language,
  channel: responses.channel,
  durationMs: responses.durationMs,
  flags: responses.flags,
  startedAt: responses.startedAt,
  completedAt: responses.completedAt,
  createdAt: responses.createdAt,
};

/** One page of the response list, newest first; `after` is the last id of the previous page (keyset, no offsets). */
export async function listResponsesFiltered(db: Database, params: Scope & { filters?: TResponseListFilters; after?: string; limit: number }) {
  if (!isUuid(params.surveyId) || (params.after && !isUuid(params.after))) return [];
  const cursor = params.after
    ? sql`(${responses.createdAt}, ${responses.id}) < (select c.created_at, c.id from ${responses} c where c.id = ${params.after} and c.workspace_id = ${params.workspaceId})`
    : undefined;
  return db
    .select(listColumns)
    .from(responses)
    .where(and(filtersOf(params), cursor))
    .orderBy(desc(responses.createdAt), desc(responses.id))
    .limit(params.limit);
}

export async function countResponsesFiltered(db: Database, params: Scope & { filters?: TResponseListFilters }): Promise<number> {
  if (!isUuid(params.surveyId)) return 0;
  const [row] = await db.select({ n: count() }).from(responses).where(filtersOf(params));
  return row?.n ?? 0;
}

/** The channels a survey's responses came through, for the filter's options. */
export async function listResponseChannels(db: Database, params: Scope): Promise<string[]> {
  if (!isUuid(params.surveyId)) return [];
  const rows = await db.selectDistinct({ channel: responses.channel }).from(responses).where(filtersOf(params)).orderBy(asc(responses.channel));
  return rows.map((row) => row.channel);
}

/**
 * Re-applies the speeder rule (duration < SPEEDER_FRACTION × median of complete responses) to
 * every complete response of the survey in one statement, writing only rows whose flag changes.
 * Returns the median used (undefined while no response has a duration).
 */
export async function refreshSpeederFlags(db: Database, params: Scope): Promise<number | undefined> {
  if (!isUuid(params.surveyId)) return undefined;
  const scope = sql`r.workspace_id = ${params.workspaceId} and r.survey_id = ${params.surveyId} and r.status = 'complete'`;
  const fraction = sql.raw(String(SPEEDER_FRACTION));
  const result = await db.execute(sql`
    with m as (
      select percentile_cont(0.5) within group (order by r.duration_ms) as median
      from responses r where ${scope} and r.duration_ms is not null
    ), changed as (
      update responses r
      set flags = case when r.duration_ms < m.median * ${fraction} then r.flags || '["speeder"]'::jsonb else r.flags - 'speeder' end
      from m
      where ${scope} and m.median is not null
        and (r.flags ? 'speeder') is distinct from coalesce(r.duration_ms < m.median * ${fraction}, false)
      returning r.id
    )
    select (select median from m)::float8 as median, (select count(*) from changed)::int as changed`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { median: number | string | null }[];
  const median = rows[0]?.median;
  return median == null ? undefined : Number(median);
}

const exportColumns = { ...listColumns, versionId: responses.versionId, answers: responses.answers };
export type ExportRow = Awaited<ReturnType<typeof exportPage>>[number];

async function exportPage(db: Database, params: Scope & { filters?: TResponseListFilters; after?: string; limit: number }) {
  // The cursor row is read in SQL: JS dates drop the microseconds that order rows.
  const cursor = params.after
    ? sql`(${responses.createdAt}, ${responses.id}) > (select c.created_at, c.id from ${responses} c where c.id = ${params.after} and c.workspace_id = ${params.workspaceId})`
    : undefined;
  return db
    .select(exportColumns)
    .from(responses)
    .where(and(filtersOf(params), cursor))
    .orderBy(asc(responses.createdAt), asc(responses.id))
    .limit(params.limit);
}

/** The responses for an export, oldest first, one keyset page at a time: never all rows in memory. */
export async function* exportResponseBatches(db: Database, params: Scope & { filters?: TResponseListFilters; batchSize?: number }) {
  if (!isUuid(params.surveyId)) return;
  const limit = params.batchSize ?? 500;
  let after: string | undefined;
  for (;;) {
    const batch = await exportPage(db, { ...params, after, limit });
    if (batch.length > 0) yield batch;
    if (batch.length < limit) return;
    after = batch[batch.length - 1]!.id;
  }
}
