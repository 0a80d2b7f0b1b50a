import type { Database } from "@/db/client";
import { countDatasetResponses, findLatestMetricSnapshot, listSnapshotCategories, selectDatasetRows } from "@/db/queries/analysis-dataset";
import { refreshSpeederFlags } from "@/db/queries/response-list";
import { findAnalysableSurvey, listAnalysableSurveys } from "@/db/queries/segmentations";
import { listVersionDefinitions } from "@/db/queries/surveys";
import { AppError } from "@/lib/errors";
import type { Question } from "@/lib/surveys/definition";
import { recommendedMinimumSample } from "../build-basis-matrix";
import { extractRow, maxDiffSetsLookup, type CellValue } from "./extract-values";
import { dataFingerprint } from "./fingerprint";
import { prepareMatrix, type PreparedMatrix } from "./preprocess";
import type { TAnalysisDatasetInput } from "./schemas";
import { CUSTOMER_METRICS, customerVariables, isCustomerVariable, questionIdsOf, surveyVariables, type CustomerMetric, type DatasetVariable } from "./variables";

/** Names of the behavioural metrics as stored with a run (the data's own language, like question texts). */
export const CUSTOMER_METRIC_LABELS: Record<CustomerMetric, string> = {
  recencyDays: "Days since last purchase",
  frequency: "Purchases",
  monetary: "Revenue",
  recencyScore: "Recency score (R)",
  frequencyScore: "Frequency score (F)",
  monetaryScore: "Monetary score (M)",
  averageOrderValue: "Average order value",
  arpu: "Revenue per month (ARPU)",
  churned: "Churned",
  rfmSegment: "RFM segment",
  engagementTier: "Engagement tier",
};
const CUSTOMER_GROUP_LABEL = "Customer data";

export type DatasetSurveyOption = { id: string; title: string; responseCount: number; customerMatches: number; variables: DatasetVariable[] };
export type DatasetOptions = { surveys: DatasetSurveyOption[]; customerVariables: DatasetVariable[]; snapshotAt: Date | null };

/** What the dataset page offers: each analysable survey's variables and, when metrics exist, the behavioural ones. */
export async function listDatasetOptions(db: Database, params: { workspaceId: string; studyId: string }): Promise<DatasetOptions> {
  const [surveys, snapshot] = await Promise.all([listAnalysableSurveys(db, params), findLatestMetricSnapshot(db, params)]);
  const categories = snapshot ? await listSnapshotCategories(db, { workspaceId: params.workspaceId, snapshotId: snapshot.id }) : undefined;
  return {
    snapshotAt: snapshot?.computedAt ?? null,
    customerVariables: snapshot ? customerVariables(CUSTOMER_METRIC_LABELS, CUSTOMER_GROUP_LABEL, categories) : [],
    surveys: await Promise.all(
      surveys.map(async (survey) => {
        const counts = await countDatasetResponses(db, { workspaceId: params.workspaceId, surveyId: survey.id, snapshotId: snapshot?.id });
        return { id: survey.id, title: survey.title, responseCount: counts.responses, customerMatches: counts.matched, variables: surveyVariables(survey.definition) };
      }),
    ),
  };
}

export type AnalysisDataset = {
  survey: { id: string; title: string };
  basis: DatasetVariable[];
  descriptors: DatasetVariable[];
  /** Every loaded response (flagged ones already left out) × basis then descriptor variables, before preprocessing. */
  rowIds: string[];
  table: CellValue[][];
  prepared: PreparedMatrix;
  fingerprint: string;
  snapshotId: string | null;
  sampleSize: { recommendedMinimum: number; belowRecommendation: boolean };
};

function resolveVariables(ids: readonly string[], available: ReadonlyMap<string, DatasetVariable>, field: "basis" | "descriptors"): DatasetVariable[] {
  const unknown = ids.filter((id) => !available.has(id));
  if (unknown.length > 0) {
    throw new AppError("invalid", `Unknown variables: ${unknown.join(", ")}.`, { [field]: [`Not a variable of this survey or of the customer data: ${unknown.join(", ")}`] });
  }
  return ids.map((id) => available.get(id)!);
}

/**
 * Loads and prepares the analysis matrix for a dataset choice. Used when exploring, when starting a
 * run (to check it and fingerprint it), by the sweep job, and again when saving a solution, so
 * every step sees exactly the same rows and values.
 */
export async function loadAnalysisDataset(db: Database, params: { workspaceId: string; studyId: string; input: TAnalysisDatasetInput }): Promise<AnalysisDataset> {
  const { input } = params;
  const survey = await findAnalysableSurvey(db, { ...params, surveyId: input.surveyId });
  if (!survey) throw new AppError("invalid", "Choose a published survey of this study.", { surveyId: ["No published survey with this id in this study"] });
  const usesCustomer = [...input.basis, ...input.descriptors].some(isCustomerVariable);
  const snapshot = usesCustomer ? await findLatestMetricSnapshot(db, params) : undefined;
  if (usesCustomer && !snapshot) {
    throw new AppError("invalid", "This study has no customer metrics yet: leave the customer variables out.", { basis: ["No customer metrics in this study"] });
  }
  const available = new Map(
    [...surveyVariables(survey.definition), ...customerVariables(CUSTOMER_METRIC_LABELS, CUSTOMER_GROUP_LABEL)].map((variable) => [variable.id, variable]),
  );
  const basis = resolveVariables(input.basis, available, "basis");
  const descriptors = resolveVariables(input.descriptors, available, "descriptors");
  const all = [...basis, ...descriptors];

  // Speeder flags follow the median, so bring them up to date before leaving flagged responses out.
  if (input.excludeFlagged) await refreshSpeederFlags(db, { workspaceId: params.workspaceId, surveyId: survey.id });
  const questionIds = questionIdsOf(all);
  const [rows, versions] = await Promise.all([
    selectDatasetRows(db, { workspaceId: params.workspaceId, surveyId: survey.id, questionIds, excludeFlagged: input.excludeFlagged, snapshotId: snapshot?.id }),
    all.some((variable) => variable.measure === "maxdiff_score") ? listVersionDefinitions(db, { workspaceId: params.workspaceId, surveyId: survey.id }) : Promise.resolve([]),
  ]);
  if (rows.length === 0) throw new AppError("invalid", "This survey has no complete responses to analyse yet.", { surveyId: ["No complete responses"] });

  const setsOf = maxDiffSetsLookup(versions);
  const questions = new Map<string, Question>(survey.definition.questions.map((question) => [question.id, question]));
  const table = rows.map((row) => extractRow(all, questions, row, setsOf));
  const rowIds = rows.map((row) => row.id);
  const prepared = prepareMatrix(
    rowIds,
    basis,
    table.map((row) => row.slice(0, basis.length)),
    input,
  );
  const recommendedMinimum = recommendedMinimumSample(prepared.columns.length);
  return {
    survey: { id: survey.id, title: survey.title },
    basis,
    descriptors,
    rowIds,
    table,
    prepared,
    fingerprint: dataFingerprint(prepared.rowIds, prepared.matrix),
    snapshotId: snapshot?.id ?? null,
    sampleSize: { recommendedMinimum, belowRecommendation: prepared.matrix.rows < recommendedMinimum },
  };
}

/** Every behavioural metric id, for tests and the API documentation. */
export const CUSTOMER_VARIABLE_IDS = CUSTOMER_METRICS.map(({ metric }) => `customer:${metric}`);
