import type { Database } from "@/db/client";
import { findLatestMetricSnapshot, listAssignedRespondents, listSurveyDefinitions, listVersionDefinitionsOf } from "@/db/queries/segment-descriptors";
import { maxDiffSetsLookup } from "../dataset/extract-values";
import type { SavedSegmentation } from "../get-segmentation";
import { customerDescriptorVariables, npsVariableIds, surveyDescriptorVariables, type DescribedRespondent } from "./descriptor-variables";
import { describeVariables, MIN_GROUP_SIZE, type Descriptor } from "./descriptors";
import { segmentKpis, type SegmentKpis } from "./segment-kpis";

export type SolutionDescription = {
  /** Respondents assigned now (fit plus any placed later); descriptors describe all of them. */
  assignedCount: number;
  /** Of those, matched to a customer of the latest metric snapshot. */
  matchedCount: number;
  snapshot: { id: string; referenceDate: string; computedAt: Date } | null;
  minGroupSize: number;
  descriptors: Descriptor[];
  kpis: { segments: SegmentKpis[]; total: SegmentKpis };
};

/**
 * Descriptor tables and KPIs of a saved solution: every other question of its respondents'
 * surveys and, where they match customers, the latest snapshot's metrics. Aggregates only, with
 * groups below MIN_GROUP_SIZE hidden, so readers without access to responses may see them.
 */
export async function describeSolution(db: Database, params: { workspaceId: string; solution: SavedSegmentation }): Promise<SolutionDescription> {
  const snapshot = await findLatestMetricSnapshot(db, { workspaceId: params.workspaceId, studyId: params.solution.studyId });
  const rows = await listAssignedRespondents(db, { workspaceId: params.workspaceId, segmentationId: params.solution.id, snapshotId: snapshot?.id });
  return describeAssigned(db, { ...params, snapshot, rows });
}

export type AssignedRespondent = Awaited<ReturnType<typeof listAssignedRespondents>>[number];
export type MetricSnapshot = NonNullable<Awaited<ReturnType<typeof findLatestMetricSnapshot>>>;

/** describeSolution on respondents already loaded (the page reads them once for descriptors and map). */
export async function describeAssigned(
  db: Database,
  params: { workspaceId: string; solution: SavedSegmentation; snapshot: MetricSnapshot | undefined; rows: AssignedRespondent[] },
): Promise<SolutionDescription> {
  const { solution, snapshot, rows } = params;
  const surveyIds = [...new Set(rows.map((row) => row.surveyId))];
  const surveys = await listSurveyDefinitions(db, { workspaceId: params.workspaceId, surveyIds });
  const withMaxDiff = surveys.filter((survey) => survey.definition.questions.some((question) => question.type === "maxdiff")).map((survey) => survey.id);
  const setsOf = maxDiffSetsLookup(await listVersionDefinitionsOf(db, { workspaceId: params.workspaceId, surveyIds: withMaxDiff }));
  const respondents: DescribedRespondent[] = rows.map((row) => ({ surveyId: row.surveyId, versionId: row.versionId, answers: row.answers, metrics: row.metrics }));
  const segmentOf = Int32Array.from(rows.map((row) => row.position));
  const basisIds = new Set(solution.summary.variables.map((variable) => variable.id));
  const surveyVariables = surveyDescriptorVariables(surveys, respondents, basisIds, setsOf);
  const variables = [...surveyVariables, ...customerDescriptorVariables(respondents)];
  const [npsId] = npsVariableIds(surveys);
  const npsVariable = surveyVariables.find((variable) => variable.id === npsId);
  return {
    assignedCount: rows.length,
    matchedCount: rows.filter((row) => row.metrics).length,
    snapshot: snapshot ?? null,
    minGroupSize: MIN_GROUP_SIZE,
    descriptors: describeVariables(variables, segmentOf, solution.summary.k),
    kpis: segmentKpis({
      segmentOf,
      k: solution.summary.k,
      metrics: rows.map((row) => row.metrics),
      npsScores: npsVariable?.kind === "numeric" ? npsVariable.values : null,
    }),
  };
}
