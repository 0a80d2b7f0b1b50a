import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { responses } from "../schema";

/**
 * MaxDiff answers ({ version, choices: [{ setIndex, best, worst }] }) of complete responses,
 * grouped in the database into distinct tasks with their count, so results never load the
 * responses: the number of rows is bounded by the design, not by the sample.
 */

type Scope = { workspaceId: string; surveyId: string; questionIds: string[] };

const int = (expression: ReturnType<typeof sql>) => sql<number>`${expression}`.mapWith(Number);
const complete = (params: Scope) =>
  and(eq(responses.workspaceId, params.workspaceId), eq(responses.surveyId, params.surveyId), eq(responses.status, "complete"), inArray(sql`q.key`, params.questionIds));
const eachAnswer = sql`jsonb_each(${responses.answers}) as q(key, value)`;
const isAnswer = sql`jsonb_typeof(q.value) = 'object' and jsonb_typeof(q.value -> 'version') = 'number'`;

/** Per question, survey version, design version, set and best/worst pick: how many respondents chose so. */
export async function maxDiffTaskCounts(db: Database, params: Scope) {
  if (params.questionIds.length === 0) return [];
  const version = sql`(q.value ->> 'version')`;
  const setIndex = sql`(c.value ->> 'setIndex')`;
  return db
    .select({
      questionId: sql<string>`q.key`,
      versionId: responses.versionId,
      version: int(sql`${version}::numeric::int`),
      setIndex: int(sql`${setIndex}::numeric::int`),
      best: sql<string>`c.value ->> 'best'`,
      worst: sql<string>`c.value ->> 'worst'`,
      n: int(sql`count(*)::int`),
    })
    .from(responses)
    .crossJoinLateral(eachAnswer)
    .crossJoinLateral(sql`jsonb_array_elements(case when jsonb_typeof(q.value -> 'choices') = 'array' then q.value -> 'choices' else '[]'::jsonb end) as c(value)`)
    .where(and(complete(params), isAnswer, sql`jsonb_typeof(c.value -> 'setIndex') = 'number'`))
    .groupBy(sql`q.key`, responses.versionId, version, setIndex, sql`c.value ->> 'best'`, sql`c.value ->> 'worst'`);
}

/** How many complete responses answered each MaxDiff question. */
export async function maxDiffRespondentCounts(db: Database, params: Scope) {
  if (params.questionIds.length === 0) return [];
  return db
    .select({ questionId: sql<string>`q.key`, n: int(sql`count(*)::int`) })
    .from(responses)
    .crossJoinLateral(eachAnswer)
    .where(and(complete(params), isAnswer))
    .groupBy(sql`q.key`);
}
