import { and, count, desc, eq, isNotNull, max, min } from "drizzle-orm";
import type { Database } from "../client";
import { responses, surveys } from "../schema";

/** Customer ids that respondents of a study's surveys carried (hidden field or personal link), with their answer counts. */
export async function listRespondentCustomers(db: Database, params: { workspaceId: string; studyId: string; limit?: number }) {
  return db
    .select({
      customerId: responses.customerId,
      responseCount: count(responses.id),
      firstAnsweredAt: min(responses.createdAt),
      lastAnsweredAt: max(responses.createdAt),
    })
    .from(responses)
    .innerJoin(surveys, eq(surveys.id, responses.surveyId))
    .where(and(eq(responses.workspaceId, params.workspaceId), eq(surveys.studyId, params.studyId), isNotNull(responses.customerId)))
    .groupBy(responses.customerId)
    .orderBy(desc(max(responses.createdAt)))
    .limit(params.limit ?? 200);
}
