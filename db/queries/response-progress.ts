import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { responses } from "../schema";
import type { Answers } from "@/lib/surveys/answers";
import type { DisplayOrder } from "@/lib/surveys/display-order";

/**
 * Stores a respondent's answers so far under their browser's submission key (status "partial").
 * A row that is already complete is never touched: returns undefined then.
 */
export async function upsertPartialResponse(
  db: Database,
  params: {
    workspaceId: string;
    surveyId: string;
    versionId: string;
    submissionKey: string;
    answers: Answers;
    lastQuestionId: string | null;
    displayOrder?: DisplayOrder | null;
    language: string;
    customerId: string | null;
    startedAt: Date | null;
    now: Date;
  },
) {
  const { now, ...values } = params;
  const [row] = await db
    .insert(responses)
    .values({ ...values, status: "partial", updatedAt: now })
    .onConflictDoUpdate({
      target: [responses.surveyId, responses.submissionKey],
      set: {
        versionId: sql`excluded.version_id`,
        answers: sql`excluded.answers`,
        displayOrder: sql`excluded.display_order`,
        lastQuestionId: sql`coalesce(excluded.last_question_id, ${responses.lastQuestionId})`,
        language: sql`excluded.language`,
        customerId: sql`coalesce(excluded.customer_id, ${responses.customerId})`,
        startedAt: sql`coalesce(${responses.startedAt}, excluded.started_at)`,
        updatedAt: sql`excluded.updated_at`,
      },
      setWhere: sql`${responses.status} = 'partial'`,
    })
    .returning({ id: responses.id, updatedAt: responses.updatedAt });
  return row;
}

/** What a returning browser gets back: its answers so far, or that it has already finished. */
export async function findProgress(db: Database, params: { workspaceId: string; surveyId: string; submissionKey: string }) {
  const [row] = await db
    .select({ id: responses.id, status: responses.status, answers: responses.answers, lastQuestionId: responses.lastQuestionId, versionId: responses.versionId })
    .from(responses)
    .where(and(eq(responses.workspaceId, params.workspaceId), eq(responses.surveyId, params.surveyId), eq(responses.submissionKey, params.submissionKey)));
  return row;
}
