import { and, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "../client";
import { contacts, outboxMessages, responses, surveyLinkOpens, surveys, surveyVersions } from "../schema";
import type { ContactRow } from "@/lib/distribution/contact-csv";
import type { SurveyQuota } from "@/lib/distribution/quotas";
import { isUuid } from "@/lib/ids";

/** All SQL of distribution: contacts, the outbox queue, link opens, limits and the funnel. */

type SurveyKey = { workspaceId: string; surveyId: string };

/** The survey with what distribution needs: its languages (published, else draft), link and limits. */
export async function findDistributionSurvey(db: Database, params: SurveyKey) {
  if (!isUuid(params.surveyId)) return undefined;
  const [row] = await db
    .select({
      id: surveys.id,
      studyId: surveys.studyId,
      title: surveys.title,
      status: surveys.status,
      publicId: surveys.publicId,
      definition: sql<typeof surveys.$inferSelect.definition>`coalesce(${surveyVersions.definition}, ${surveys.definition})`,
      closeAt: surveys.closeAt,
      responseLimit: surveys.responseLimit,
      quotas: surveys.quotas,
      personalLinkDays: surveys.personalLinkDays,
    })
    .from(surveys)
    .leftJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(and(eq(surveys.workspaceId, params.workspaceId), eq(surveys.id, params.surveyId)));
  if (!row) return undefined;
  // Raw sql fields skip drizzle's mapping: jsonb may arrive as text and timestamps as strings.
  const definition = typeof row.definition === "string" ? JSON.parse(row.definition) : row.definition;
  return { ...row, definition: definition as typeof surveys.$inferSelect.definition };
}

/** Limits of a survey for the public path; with `lock`, holds the survey row until the transaction ends. */
export async function surveyLimits(db: Database, params: SurveyKey & { lock?: boolean }) {
  const query = db
    .select({ closeAt: surveys.closeAt, responseLimit: surveys.responseLimit, quotas: surveys.quotas, personalLinkDays: surveys.personalLinkDays })
    .from(surveys)
    .where(and(eq(surveys.workspaceId, params.workspaceId), eq(surveys.id, params.surveyId)));
  const [row] = params.lock ? await query.for("update") : await query;
  return row;
}

export async function updateSurveyLimits(
  db: Database,
  params: SurveyKey & { closeAt: Date | null; responseLimit: number | null; quotas: SurveyQuota[]; personalLinkDays: number | null },
) {
  const [row] = await db
    .update(surveys)
    .set({ closeAt: params.closeAt, responseLimit: params.responseLimit, quotas: params.quotas, personalLinkDays: params.personalLinkDays, updatedAt: new Date() })
    .where(and(eq(surveys.workspaceId, params.workspaceId), eq(surveys.id, params.surveyId)))
    .returning({ id: surveys.id });
  return row;
}

/** Complete responses in total and per (question, code) of the quota questions, for the admission check. */
export async function admissionCounts(db: Database, params: SurveyKey & { quotaQuestionIds: string[] }) {
  const complete = and(eq(responses.workspaceId, params.workspaceId), eq(responses.surveyId, params.surveyId), eq(responses.status, "complete"));
  const [total] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(responses).where(complete);
  const quotaCounts = params.quotaQuestionIds.length
    ? await db
        .select({
          questionId: sql<string>`q.key`,
          optionCode: sql<number>`(q.value #>> '{}')::numeric::float8`.mapWith(Number),
          n: sql<number>`count(*)::int`.mapWith(Number),
        })
        .from(responses)
        .crossJoinLateral(sql`jsonb_each(${responses.answers}) as q(key, value)`)
        .where(and(complete, inArray(sql`q.key`, params.quotaQuestionIds), sql`jsonb_typeof(q.value) = 'number'`))
        .groupBy(sql`q.key`, sql`q.value #>> '{}'`)
    : [];
  return { completeCount: total?.n ?? 0, quotaCounts };
}

/** Inserts new contacts and updates known e-mails of the survey; returns how many were new. */
export async function upsertContacts(db: Database, params: SurveyKey & { rows: ContactRow[] }) {
  let inserted = 0;
  for (let i = 0; i < params.rows.length; i += 1000) {
    const batch = params.rows.slice(i, i + 1000).map((row) => ({ ...row, workspaceId: params.workspaceId, surveyId: params.surveyId }));
    const result = await db
      .insert(contacts)
      .values(batch)
      .onConflictDoUpdate({
        target: [contacts.surveyId, contacts.email],
        set: { customerId: sql`excluded.customer_id`, language: sql`excluded.language`, attributes: sql`excluded.attributes` },
      })
      // xmax is 0 on a freshly inserted row version, non-zero on an updated one.
      .returning({ fresh: sql<boolean>`(xmax = 0)` });
    inserted += result.filter((row) => row.fresh === true || (row.fresh as unknown) === "t").length;
  }
  return { inserted, updated: params.rows.length - inserted };
}

// Written with qualified names: drizzle leaves columns unqualified in single-table selects, and inside
// these subqueries a bare "id" would mean the subquery's own row.
const invitedSql = sql<boolean>`exists (select 1 from outbox_messages m where m.contact_id = "contacts"."id" and m.kind = 'invitation' and m.status in ('sent', 'outbox'))`;
const completedSql = sql<boolean>`exists (select 1 from responses r where r.contact_id = "contacts"."id" and r.survey_id = "contacts"."survey_id" and r.status = 'complete')`;

export async function listContacts(db: Database, params: SurveyKey & { limit: number }) {
  return db
    .select({
      id: contacts.id,
      email: contacts.email,
      customerId: contacts.customerId,
      language: contacts.language,
      attributes: contacts.attributes,
      unsubscribedAt: contacts.unsubscribedAt,
      invited: invitedSql.mapWith(Boolean),
      completed: completedSql.mapWith(Boolean),
    })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, params.workspaceId), eq(contacts.surveyId, params.surveyId)))
    .orderBy(contacts.createdAt, contacts.email)
    .limit(params.limit);
}

export async function countContacts(db: Database, params: SurveyKey): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, params.workspaceId), eq(contacts.surveyId, params.surveyId)));
  return row?.n ?? 0;
}

/** A contact named by a token, for the public path (the survey id comes from the public link). */
export async function findContact(db: Database, params: { surveyId?: string; contactId: string; lock?: boolean }) {
  if (!isUuid(params.contactId)) return undefined;
  const query = db
    .select({ id: contacts.id, workspaceId: contacts.workspaceId, surveyId: contacts.surveyId, email: contacts.email, customerId: contacts.customerId, language: contacts.language, unsubscribedAt: contacts.unsubscribedAt })
    .from(contacts)
    .where(and(params.surveyId ? eq(contacts.surveyId, params.surveyId) : undefined, eq(contacts.id, params.contactId)));
  const [row] = params.lock ? await query.for("update") : await query;
  return row;
}

/**
 * When the contact's personal link last went out: the latest invitation or reminder handed to SMTP or
 * left in the outbox (processed time, else queued time). Undefined while none has gone out.
 */
export async function personalLinkSentAt(db: Database, params: SurveyKey & { contactId: string }): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: sql<string | Date | null>`max(coalesce(${outboxMessages.processedAt}, ${outboxMessages.createdAt}))` })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.workspaceId, params.workspaceId),
        eq(outboxMessages.surveyId, params.surveyId),
        eq(outboxMessages.contactId, params.contactId),
        inArray(outboxMessages.status, ["sent", "outbox"]),
      ),
    );
  // A raw aggregate skips drizzle's mapping: timestamps may arrive as strings.
  return row?.at ? new Date(row.at) : undefined;
}

/** A contact's complete response, if any (the personal link is single-use once one exists). */
export async function findCompleteResponseOfContact(db: Database, params: SurveyKey & { contactId: string }) {
  const [row] = await db
    .select({ id: responses.id, submissionKey: responses.submissionKey })
    .from(responses)
    .where(and(eq(responses.workspaceId, params.workspaceId), eq(responses.surveyId, params.surveyId), eq(responses.contactId, params.contactId), eq(responses.status, "complete")))
    .limit(1);
  return row;
}

export async function markContactUnsubscribed(db: Database, params: { surveyId: string; contactId: string; now: Date }) {
  await db
    .update(contacts)
    .set({ unsubscribedAt: params.now })
    .where(and(eq(contacts.surveyId, params.surveyId), eq(contacts.id, params.contactId), isNull(contacts.unsubscribedAt)));
}

/** First visit of a personal link (later visits are ignored) or one public page view. */
export async function recordLinkOpen(db: Database, params: SurveyKey & { channel: string; contactId: string | null }) {
  await db.insert(surveyLinkOpens).values(params).onConflictDoNothing({ target: surveyLinkOpens.contactId });
}

/** Contacts to message: invitations to those never invited; reminders to invited, unfinished, not unsubscribed ones. */
export async function contactsToMessage(db: Database, params: SurveyKey & { kind: "invitation" | "reminder" }) {
  const queuedInvitation = sql`exists (select 1 from outbox_messages m where m.contact_id = "contacts"."id" and m.kind = 'invitation' and m.status <> 'failed')`;
  const pendingReminder = sql`exists (select 1 from outbox_messages m where m.contact_id = "contacts"."id" and m.kind = 'reminder' and m.status = 'scheduled')`;
  const eligible =
    params.kind === "invitation"
      ? sql`not ${queuedInvitation}`
      : sql`${invitedSql} and not ${completedSql} and not ${pendingReminder}`;
  return db
    .select({ id: contacts.id, email: contacts.email, customerId: contacts.customerId, language: contacts.language })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, params.workspaceId), eq(contacts.surveyId, params.surveyId), isNull(contacts.unsubscribedAt), eligible))
    .orderBy(contacts.createdAt);
}

export type NewOutboxMessage = typeof outboxMessages.$inferInsert;
export async function insertOutboxMessages(db: Database, rows: NewOutboxMessage[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(outboxMessages).values(rows.slice(i, i + 500));
}

/**
 * Claims due messages for this transaction; other instances skip the locked rows, so each
 * message is handled once however many processors run. Carries whether the contact has since
 * unsubscribed or finished, so a stale reminder is skipped rather than sent.
 */
export async function claimDueMessages(db: Database, params: { now: Date; limit: number; workspaceId?: string }) {
  return db
    .select({
      id: outboxMessages.id,
      kind: outboxMessages.kind,
      toEmail: outboxMessages.toEmail,
      subject: outboxMessages.subject,
      body: outboxMessages.body,
      unsubscribed: sql<boolean>`${contacts.unsubscribedAt} is not null`.mapWith(Boolean),
      completed: completedSql.mapWith(Boolean),
    })
    .from(outboxMessages)
    .innerJoin(contacts, eq(contacts.id, outboxMessages.contactId))
    .where(and(eq(outboxMessages.status, "scheduled"), lte(outboxMessages.sendAt, params.now), params.workspaceId ? eq(outboxMessages.workspaceId, params.workspaceId) : undefined))
    .orderBy(outboxMessages.sendAt)
    .limit(params.limit)
    .for("update", { of: outboxMessages, skipLocked: true });
}

export async function setMessageOutcome(db: Database, params: { id: string; status: "sent" | "outbox" | "skipped" | "failed"; error?: string; now: Date }) {
  await db
    .update(outboxMessages)
    .set({ status: params.status, error: params.error ?? null, processedAt: params.now, attempts: sql`${outboxMessages.attempts} + 1` })
    .where(eq(outboxMessages.id, params.id));
}

export async function listOutbox(db: Database, params: SurveyKey & { limit: number }) {
  return db
    .select({
      id: outboxMessages.id,
      kind: outboxMessages.kind,
      toEmail: outboxMessages.toEmail,
      subject: outboxMessages.subject,
      body: outboxMessages.body,
      status: outboxMessages.status,
      sendAt: outboxMessages.sendAt,
      processedAt: outboxMessages.processedAt,
      error: outboxMessages.error,
    })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.workspaceId, params.workspaceId), eq(outboxMessages.surveyId, params.surveyId)))
    .orderBy(desc(outboxMessages.createdAt), outboxMessages.toEmail)
    .limit(params.limit);
}

/** Per channel: invited contacts, link opens, started and completed responses. */
export async function funnelCounts(db: Database, params: SurveyKey) {
  const { workspaceId, surveyId } = params;
  const result = await db.execute(sql`
    select channel, sum(invited)::int as invited, sum(opened)::int as opened, sum(started)::int as started, sum(completed)::int as completed from (
      select 'personal' as channel, count(distinct contact_id) as invited, 0 as opened, 0 as started, 0 as completed
        from ${outboxMessages} where workspace_id = ${workspaceId} and survey_id = ${surveyId} and kind = 'invitation' and status in ('sent', 'outbox')
      union all
      select channel, 0, count(*), 0, 0 from ${surveyLinkOpens} where workspace_id = ${workspaceId} and survey_id = ${surveyId} group by channel
      union all
      select channel, 0, 0, count(*), count(*) filter (where status = 'complete') from ${responses}
        where workspace_id = ${workspaceId} and survey_id = ${surveyId} group by channel
    ) counts group by channel`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  return rows.map((row) => ({
    channel: String(row.channel),
    invited: Number(row.invited),
    opened: Number(row.opened),
    started: Number(row.started),
    completed: Number(row.completed),
  }));
}

/** The title shown on a contact's unsubscribe page (the contact row already proved which survey). */
export async function surveyTitle(db: Database, params: { surveyId: string }) {
  const [row] = await db.select({ title: surveys.title }).from(surveys).where(eq(surveys.id, params.surveyId));
  return row?.title ?? "";
}
