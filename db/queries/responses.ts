import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { responses } from "../schema";
import type { Answers } from "@/lib/surveys/answers";
import type { DisplayOrder } from "@/lib/surveys/display-order";

// Raw sql fields skip drizzle's column mapping; drivers may hand jsonb back as text.
function parseJsonb(value: unknown): Record<string, unknown> | null {
  return typeof value === "string" ? (JSON.parse(value) as Record<string, unknown>) : (value as Record<string, unknown> | null);
}

// duration_ms is an int column: at most 2^31 − 1 ms (about 24.8 days). A longer answering time
// (a start autosaved weeks before the final submit) is stored as unknown rather than failing the submit.
const MAX_DURATION_MS = 2 ** 31 - 1;

function durationMsBetween(startedAt: Date | null, completedAt: Date): number | null {
  const ms = startedAt ? completedAt.getTime() - startedAt.getTime() : null;
  return ms !== null && ms <= MAX_DURATION_MS ? ms : null;
}

function durationOfCompletion(startedAt: SQL) {
  const ms = sql`extract(epoch from excluded.completed_at - ${startedAt}) * 1000`;
  return sql`case when ${ms} <= ${sql.raw(String(MAX_DURATION_MS))} then (${ms})::int end`;
}

const responseColumns = {
  id: responses.id,
  versionId: responses.versionId,
  status: responses.status,
  answers: responses.answers,
  language: responses.language,
  customerId: responses.customerId,
  customerIdVerified: responses.customerIdVerified,
  startedAt: responses.startedAt,
  completedAt: responses.completedAt,
  createdAt: responses.createdAt,
};

/**
 * Inserts a submission unless one with the same (survey, submission key) exists: a retried or
 * double submit stores nothing new. Returns undefined when the key was already there.
 */
export async function insertResponseOnce(
  db: Database,
  params: {
    workspaceId: string;
    surveyId: string;
    versionId: string;
    submissionKey: string;
    answers: Answers;
    language: string;
    customerId: string | null;
    customerIdVerified?: boolean;
    contactId?: string | null;
    channel?: string;
    startedAt: Date | null;
    completedAt: Date;
    flags?: string[];
    displayOrder?: DisplayOrder | null;
  },
) {
  const durationMs = durationMsBetween(params.startedAt, params.completedAt);
  const [row] = await db
    .insert(responses)
    .values({ ...params, status: "complete", durationMs, updatedAt: params.completedAt })
    // An autosaved partial row with this key becomes the complete response (keeping when it was
    // started); a complete one is left alone, so a retry stores nothing new.
    .onConflictDoUpdate({
      target: [responses.surveyId, responses.submissionKey],
      set: {
        status: "complete",
        versionId: sql`excluded.version_id`,
        answers: sql`excluded.answers`,
        language: sql`excluded.language`,
        // A personal link's customer id (from its contact) wins over anything an autosave stored.
        customerId: sql`case when excluded.contact_id is not null then excluded.customer_id else coalesce(excluded.customer_id, ${responses.customerId}) end`,
        // Autosaved ids are never verified: only a personal link's (its contact's) id is.
        customerIdVerified: sql`excluded.contact_id is not null and excluded.customer_id_verified`,
        contactId: sql`coalesce(excluded.contact_id, ${responses.contactId})`,
        channel: sql`excluded.channel`,
        startedAt: sql`coalesce(${responses.startedAt}, excluded.started_at)`,
        completedAt: sql`excluded.completed_at`,
        durationMs: durationOfCompletion(sql`coalesce(${responses.startedAt}, excluded.started_at)`),
        flags: sql`excluded.flags`,
        displayOrder: sql`excluded.display_order`,
        updatedAt: sql`excluded.updated_at`,
      },
      setWhere: sql`${responses.status} = 'partial'`,
    })
    .returning({ id: responses.id, versionId: responses.versionId, createdAt: responses.createdAt });
  return row;
}

export async function findResponseBySubmissionKey(db: Database, params: { workspaceId: string; surveyId: string; submissionKey: string }) {
  const [row] = await db
    .select({ id: responses.id, versionId: responses.versionId, createdAt: responses.createdAt })
    .from(responses)
    .where(
      and(
        eq(responses.workspaceId, params.workspaceId),
        eq(responses.surveyId, params.surveyId),
        eq(responses.submissionKey, params.submissionKey),
        // An autosaved partial row is not a submission.
        eq(responses.status, "complete"),
      ),
    );
  return row;
}

function completeOf(params: { workspaceId: string; surveyId: string }) {
  return and(eq(responses.workspaceId, params.workspaceId), eq(responses.surveyId, params.surveyId), eq(responses.status, "complete"));
}

export async function countCompleteResponses(db: Database, params: { workspaceId: string; surveyId: string }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(responses).where(completeOf(params));
  return row?.n ?? 0;
}

/** Mean and number of answers per battery statement, over all versions (ids are stable across them). */
export async function batteryStatementMeans(db: Database, params: { workspaceId: string; surveyId: string; questionIds: string[] }) {
  if (params.questionIds.length === 0) return [];
  return db
    .select({
      questionId: sql<string>`q.key`,
      rowId: sql<string>`r.key`,
      mean: sql<number>`avg((r.value)::numeric)::float8`.mapWith(Number),
      n: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(responses)
    .crossJoinLateral(sql`jsonb_each(${responses.answers}) as q(key, value)`)
    // A non-object value would make jsonb_each fail; such answers are skipped, not fatal.
    .crossJoinLateral(sql`jsonb_each(case when jsonb_typeof(q.value) = 'object' then q.value else '{}'::jsonb end) as r(key, value)`)
    .where(and(completeOf(params), inArray(sql`q.key`, params.questionIds), sql`jsonb_typeof(r.value) = 'number'`))
    .groupBy(sql`q.key`, sql`r.key`);
}

/** How many complete responses chose each code of the given single-choice questions. */
export async function choiceCounts(db: Database, params: { workspaceId: string; surveyId: string; questionIds: string[] }) {
  if (params.questionIds.length === 0) return [];
  return db
    .select({
      questionId: sql<string>`q.key`,
      code: sql<number>`(q.value #>> '{}')::numeric::float8`.mapWith(Number),
      n: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(responses)
    .crossJoinLateral(sql`jsonb_each(${responses.answers}) as q(key, value)`)
    .where(and(completeOf(params), inArray(sql`q.key`, params.questionIds), sql`jsonb_typeof(q.value) = 'number'`))
    .groupBy(sql`q.key`, sql`q.value #>> '{}'`);
}

/** One page of a survey's responses, oldest first; `after` is the last response id of the previous page. */
export async function listResponsesPage(db: Database, params: { workspaceId: string; surveyId: string; limit: number; after?: string }) {
  const cursor = params.after
    ? sql`(${responses.createdAt}, ${responses.id}) > (select c.created_at, c.id from ${responses} c where c.id = ${params.after} and c.workspace_id = ${params.workspaceId})`
    : undefined;
  return db
    .select(responseColumns)
    .from(responses)
    .where(and(eq(responses.workspaceId, params.workspaceId), eq(responses.surveyId, params.surveyId), cursor))
    .orderBy(asc(responses.createdAt), asc(responses.id))
    .limit(params.limit);
}

/** The battery part of each complete response that has an answer to every given statement. */
export async function selectBatteryAnswerRows(
  db: Database,
  params: { workspaceId: string; surveyId: string; questionId: string; rowIds: string[]; excludeFlagged?: boolean },
) {
  const battery = sql<Record<string, unknown> | null>`${responses.answers} -> ${params.questionId}`;
  const rowIds = sql`array[${sql.join(params.rowIds.map((id) => sql`${id}`), sql`, `)}]::text[]`;
  return db
    .select({ id: responses.id, battery: battery.mapWith(parseJsonb) })
    .from(responses)
    .where(
      and(
        completeOf(params),
        sql`jsonb_typeof(${battery}) = 'object'`,
        sql`(${battery}) ?& ${rowIds}`,
        // Quality flags (lib/responses/quality.ts): leave out speeders, straight-liners and failed checks.
        params.excludeFlagged ? sql`jsonb_array_length(${responses.flags}) = 0` : undefined,
      ),
    )
    .orderBy(asc(responses.createdAt), asc(responses.id));
}

export type FastSubmitResult =
  | { admitted: false }
  | { admitted: true; surveyId: string; inserted: { id: string; versionId: string } | undefined; earlier: { id: string; versionId: string } | undefined };

/**
 * The submit hot path in one statement (one round trip, a prepared statement on PostgreSQL): reads
 * the survey by public id and inserts the complete response only if the survey is still published on
 * `versionId` (the version the answers were validated against), has no response limit, no quotas, no
 * close date passed. Otherwise nothing is written and `admitted` is false: the caller takes the full
 * path (lib/distribution/respondent-access.ts), which locks and counts. The conflict rule is the one of
 * insertResponseOnce (a partial autosave becomes complete, a complete row is left alone); `earlier`
 * is the complete row a retry of the same key finds, as committed when the statement started.
 * Only submissions without a personal token come here, so their customer id is stored unverified.
 */
export async function insertUnlimitedResponseOnce(
  db: Database,
  params: {
    publicId: string;
    versionId: string;
    submissionKey: string;
    answers: Answers;
    language: string;
    customerId: string | null;
    channel: string;
    startedAt: Date | null;
    completedAt: Date;
    flags: string[];
    displayOrder: DisplayOrder | null;
  },
): Promise<FastSubmitResult> {
  const completedAt = params.completedAt.toISOString();
  const startedAt = params.startedAt ? params.startedAt.toISOString() : null;
  const durationMs = durationMsBetween(params.startedAt, params.completedAt);
  // Parameters go as text with casts so both drivers (postgres.js, PGlite) bind them the same way.
  const result = await db.execute(sql`
    with s as (
      select id, workspace_id from surveys
      where public_id = ${params.publicId} and status = 'published' and current_version_id = ${params.versionId}::uuid
        and response_limit is null and quotas = '[]'::jsonb and (close_at is null or close_at > ${completedAt}::timestamptz)
    ), ins as (
      insert into responses (workspace_id, survey_id, version_id, submission_key, status, answers, language, customer_id, customer_id_verified, channel,
        started_at, completed_at, duration_ms, flags, display_order, updated_at)
      select s.workspace_id, s.id, ${params.versionId}::uuid, ${params.submissionKey}, 'complete', ${JSON.stringify(params.answers)}::jsonb,
        ${params.language}, ${params.customerId}, false, ${params.channel}, ${startedAt}::timestamptz, ${completedAt}::timestamptz,
        ${durationMs}::int, ${JSON.stringify(params.flags)}::jsonb, ${params.displayOrder ? JSON.stringify(params.displayOrder) : null}::jsonb,
        ${completedAt}::timestamptz
      from s
      on conflict (survey_id, submission_key) do update set
        status = 'complete', version_id = excluded.version_id, answers = excluded.answers, language = excluded.language,
        customer_id = coalesce(excluded.customer_id, responses.customer_id), customer_id_verified = false, channel = excluded.channel,
        started_at = coalesce(responses.started_at, excluded.started_at), completed_at = excluded.completed_at,
        duration_ms = ${durationOfCompletion(sql`coalesce(responses.started_at, excluded.started_at)`)},
        flags = excluded.flags, display_order = excluded.display_order, updated_at = excluded.updated_at
      where responses.status = 'partial'
      returning id, version_id
    )
    select s.id as survey_id, ins.id as inserted_id, ins.version_id as inserted_version_id, earlier.id as earlier_id, earlier.version_id as earlier_version_id
    from s
    left join ins on true
    left join lateral (
      select r.id, r.version_id from responses r
      where r.workspace_id = s.workspace_id and r.survey_id = s.id and r.submission_key = ${params.submissionKey} and r.status = 'complete'
    ) earlier on ins.id is null`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, string | null>[];
  const row = rows[0];
  if (!row) return { admitted: false };
  return {
    admitted: true,
    surveyId: row.survey_id!,
    inserted: row.inserted_id ? { id: row.inserted_id, versionId: row.inserted_version_id! } : undefined,
    earlier: row.earlier_id ? { id: row.earlier_id, versionId: row.earlier_version_id! } : undefined,
  };
}
