import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { contacts, responseErasures, responses, segmentAssignments, segments } from "../schema";

export type ErasureTarget = { kind: "response"; surveyId: string; responseId: string } | { kind: "customer"; customerId: string };

/**
 * Deletes the targeted responses of a workspace, with their segment assignments (segment sizes
 * shrink to match) and, for a customer, their contact rows; records only how many responses went. One transaction: all or nothing.
 */
export async function eraseResponses(db: Database, params: { workspaceId: string; target: ErasureTarget }) {
  const { workspaceId, target } = params;
  const which =
    target.kind === "response"
      ? and(eq(responses.workspaceId, workspaceId), eq(responses.surveyId, target.surveyId), eq(responses.id, target.responseId))
      : and(eq(responses.workspaceId, workspaceId), eq(responses.customerId, target.customerId));
  return db.transaction(async (tx) => {
    const doomed = await tx.select({ id: responses.id, surveyId: responses.surveyId }).from(responses).where(which).for("update");
    const ids = doomed.map((row) => row.id);
    let assignmentCount = 0;
    if (ids.length > 0) {
      const perSegment = await tx
        .select({ segmentId: segmentAssignments.segmentId, n: sql<number>`count(*)::int`.mapWith(Number) })
        .from(segmentAssignments)
        .where(and(eq(segmentAssignments.workspaceId, workspaceId), inArray(segmentAssignments.responseId, ids)))
        .groupBy(segmentAssignments.segmentId);
      for (const { segmentId, n } of perSegment) {
        assignmentCount += n;
        await tx.update(segments).set({ size: sql`greatest(${segments.size} - ${n}, 0)` }).where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, segmentId)));
      }
      // Assignments go with their responses (foreign key on delete cascade).
      await tx.delete(responses).where(and(eq(responses.workspaceId, workspaceId), inArray(responses.id, ids)));
    }
    // The customer's contact rows (e-mail, attributes) go too; their messages and link visits cascade.
    if (target.kind === "customer") await tx.delete(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.customerId, target.customerId)));
    // A miss on one response id is a 404, not an erasure; a customer with no responses is still a request carried out.
    if (ids.length > 0 || target.kind === "customer") await tx.insert(responseErasures).values({ workspaceId, scope: target.kind, responseCount: ids.length, assignmentCount });
    return { responseCount: ids.length, assignmentCount, surveyIds: [...new Set(doomed.map((row) => row.surveyId))] };
  });
}
