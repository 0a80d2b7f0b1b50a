import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { responses } from "../schema";

/**
 * Per-question aggregates over complete responses, computed in the database with jsonb
 * operators so that summarising never loads the responses themselves. Every function takes the
 * question ids of one type; answers of another shape under the same key are skipped, not fatal.
 */

type Scope = { workspaceId: string; surveyId: string; questionIds: string[] };

const complete = (params: Scope) =>
  and(eq(responses.workspaceId, params.workspaceId), eq(responses.surveyId, params.surveyId), eq(responses.status, "complete"), inArray(sql`q.key`, params.questionIds));
const eachAnswer = sql`jsonb_each(${responses.answers}) as q(key, value)`;
const num = (expression: ReturnType<typeof sql>) => sql<number | null>`${expression}`.mapWith((v) => (v === null ? null : Number(v)));
const int = (expression: ReturnType<typeof sql>) => sql<number>`${expression}`.mapWith(Number);

/** How many complete responses answered each question (a stored, non-null value). */
export async function answeredCounts(db: Database, params: Scope) {
  if (params.questionIds.length === 0) return [];
  return db
    .select({ questionId: sql<string>`q.key`, n: int(sql`count(*)::int`) })
    .from(responses)
    .crossJoinLateral(eachAnswer)
    .where(and(complete(params), sql`jsonb_typeof(q.value) <> 'null'`))
    .groupBy(sql`q.key`);
}

/** How often each code was chosen in multiple-choice answers ({ codes: [...] }). */
export async function multipleChoiceCounts(db: Database, params: Scope) {
  if (params.questionIds.length === 0) return [];
  return db
    .select({ questionId: sql<string>`q.key`, code: int(sql`(c.value #>> '{}')::numeric::float8`), n: int(sql`count(*)::int`) })
    .from(responses)
    .crossJoinLateral(eachAnswer)
    .crossJoinLateral(sql`jsonb_array_elements(case when jsonb_typeof(q.value -> 'codes') = 'array' then q.value -> 'codes' else '[]'::jsonb end) as c(value)`)
    .where(and(complete(params), sql`jsonb_typeof(c.value) = 'number'`))
    .groupBy(sql`q.key`, sql`c.value #>> '{}'`);
}

/** Count, mean, standard deviation, median and range of numeric answers (rating, numeric, Likert item). */
export async function numberStats(db: Database, params: Scope) {
  if (params.questionIds.length === 0) return [];
  const value = sql`(q.value #>> '{}')::float8`;
  return db
    .select({
      questionId: sql<string>`q.key`,
      n: int(sql`count(*)::int`),
      mean: num(sql`avg(${value})`),
      sd: num(sql`stddev_samp(${value})`),
      median: num(sql`percentile_cont(0.5) within group (order by ${value})`),
      min: num(sql`min(${value})`),
      max: num(sql`max(${value})`),
    })
    .from(responses)
    .crossJoinLateral(eachAnswer)
    .where(and(complete(params), sql`jsonb_typeof(q.value) = 'number'`))
    .groupBy(sql`q.key`);
}

/** Promoters (9–10), passives (7–8) and detractors (0–6) of NPS questions. */
export async function npsCounts(db: Database, params: Scope) {
  if (params.questionIds.length === 0) return [];
  const score = sql`(q.value #>> '{}')::float8`;
  return db
    .select({
      questionId: sql<string>`q.key`,
      n: int(sql`count(*)::int`),
      promoters: int(sql`(count(*) filter (where ${score} >= 9))::int`),
      passives: int(sql`(count(*) filter (where ${score} >= 7 and ${score} < 9))::int`),
      detractors: int(sql`(count(*) filter (where ${score} < 7))::int`),
    })
    .from(responses)
    .crossJoinLateral(eachAnswer)
    .where(and(complete(params), sql`jsonb_typeof(q.value) = 'number'`))
    .groupBy(sql`q.key`);
}

/** Per ranked item: how many ranked it, its mean rank (1 = first) and how often it came first. */
export async function rankingStats(db: Database, params: Scope) {
  if (params.questionIds.length === 0) return [];
  return db
    .select({
      questionId: sql<string>`q.key`,
      itemId: sql<string>`r.value #>> '{}'`,
      n: int(sql`count(*)::int`),
      meanRank: num(sql`avg(r.ord)::float8`),
      first: int(sql`(count(*) filter (where r.ord = 1))::int`),
    })
    .from(responses)
    .crossJoinLateral(eachAnswer)
    .crossJoinLateral(sql`jsonb_array_elements(case when jsonb_typeof(q.value) = 'array' then q.value else '[]'::jsonb end) with ordinality as r(value, ord)`)
    .where(and(complete(params), sql`jsonb_typeof(r.value) = 'string'`))
    .groupBy(sql`q.key`, sql`r.value #>> '{}'`);
}

/** Mean points per item of constant-sum answers ({ itemId: points }). */
export async function constantSumMeans(db: Database, params: Scope) {
  if (params.questionIds.length === 0) return [];
  return db
    .select({ questionId: sql<string>`q.key`, itemId: sql<string>`i.key`, mean: num(sql`avg((i.value)::numeric)::float8`), n: int(sql`count(*)::int`) })
    .from(responses)
    .crossJoinLateral(eachAnswer)
    .crossJoinLateral(sql`jsonb_each(case when jsonb_typeof(q.value) = 'object' then q.value else '{}'::jsonb end) as i(key, value)`)
    .where(and(complete(params), sql`jsonb_typeof(i.value) = 'number'`))
    .groupBy(sql`q.key`, sql`i.key`);
}

/**
 * The latest few texts at one place in the answers, newest first: an open question's answer
 * (path [questionId]) or a multiple choice's "other" text (path [questionId, "other"]).
 */
export async function latestTexts(db: Database, params: { workspaceId: string; surveyId: string; path: string[]; limit: number }) {
  const path = sql`array[${sql.join(params.path.map((part) => sql`${part}`), sql`, `)}]::text[]`;
  const text = sql<string>`${responses.answers} #>> ${path}`;
  const rows = await db
    .select({ text })
    .from(responses)
    .where(
      and(
        eq(responses.workspaceId, params.workspaceId),
        eq(responses.surveyId, params.surveyId),
        eq(responses.status, "complete"),
        sql`jsonb_typeof(${responses.answers} #> ${path}) = 'string'`,
      ),
    )
    .orderBy(desc(responses.completedAt), desc(responses.id))
    .limit(params.limit);
  return rows.map((row) => row.text);
}
