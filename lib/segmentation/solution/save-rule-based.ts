import type { Database } from "@/db/client";
import { insertSegmentation } from "@/db/queries/segmentations";
import { findStudy } from "@/db/queries/studies";
import { findLatestMetricSnapshot, listStudyRespondentMetrics } from "@/db/queries/segment-descriptors";
import { AppError } from "@/lib/errors";
import { customerMetrics as metricTexts } from "@/lib/i18n/messages/customer-metrics";
import { groupRuleBased } from "./rule-based-groups";
import type { TSaveRuleBasedInput } from "./schemas";

const DEFAULT_NAMES = { rfm_segments: "RFM segments", engagement_tiers: "Engagement tiers" } as const;

/** Groups are stored as stable ids ("champions", "power"); segments start with their readable names, which the team may change. */
function groupLabel(method: TSaveRuleBasedInput["method"], group: string): string {
  const key = `${method === "rfm_segments" ? "seg" : "tier"}_${group}`;
  return (metricTexts.en as Record<string, string>)[key] ?? group;
}

/**
 * Saves the study's latest customer-metric snapshot's RFM named segments or engagement tiers as
 * a solution, so personas can be built on them: segments are the named groups (largest first),
 * assignments the study's complete responses whose customer is in the snapshot, centroids and
 * means the groups' mean R/F/M scores (see rule-based-groups.ts). No survey, seed or restarts.
 */
export async function saveRuleBasedSegmentation(
  db: Database,
  params: { workspaceId: string; studyId: string; userId: string | undefined; input: TSaveRuleBasedInput },
): Promise<{ id: string; name: string }> {
  const { method } = params.input;
  if (!(await findStudy(db, params))) throw new AppError("not_found", "Study not found.");
  const snapshot = await findLatestMetricSnapshot(db, params);
  if (!snapshot) throw new AppError("invalid", "Compute customer metrics for this study first.", { method: ["No customer metrics in this study yet"] });
  const respondents = await listStudyRespondentMetrics(db, { ...params, snapshotId: snapshot.id });
  const groups = groupRuleBased(respondents, method);
  if (groups.segments.length === 0) {
    const what = method === "rfm_segments" ? "an RFM segment" : "an engagement tier";
    throw new AppError("invalid", `No respondent matches a customer with ${what} in the latest metrics.`, { method: [`No respondent has ${what}`] });
  }
  const name = params.input.name || `${DEFAULT_NAMES[method]} · ${snapshot.referenceDate}`;
  const { id } = await insertSegmentation(db, {
    workspaceId: params.workspaceId,
    studyId: params.studyId,
    surveyId: null,
    method,
    config: { rule: method, snapshotId: snapshot.id, referenceDate: snapshot.referenceDate },
    name,
    k: groups.segments.length,
    seed: 0,
    restarts: 0,
    variables: groups.variables,
    centroids: groups.segments.map((segment) => segment.means),
    totalMeans: groups.totalMeans,
    withinSS: 0,
    respondentCount: groups.responseIds.length,
    createdBy: params.userId,
    segments: groups.segments.map((segment) => ({ ...segment, name: groupLabel(method, segment.name) })),
    assignments: { responseIds: groups.responseIds, positions: groups.positions },
  });
  return { id, name };
}
