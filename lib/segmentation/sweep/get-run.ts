import type { Database } from "@/db/client";
import { findAnalysisRun, listAnalysisRuns } from "@/db/queries/analysis-runs";
import type { JobStatus } from "@/db/schema";
import { parseRunConfig, type RunConfig } from "./run-config";
import { SWEEP_RESULTS_VERSION, type SweepResults } from "./sweep-results";

export type AnalysisRunView = {
  id: string;
  studyId: string;
  name: string;
  config: RunConfig;
  status: JobStatus;
  error: string | null;
  jobId: string | null;
  respondentCount: number | null;
  dataFingerprint: string | null;
  createdAt: Date;
  results: SweepResults | null;
};

/** A run as the results page and the API read it; undefined when not in this workspace. */
export async function getAnalysisRun(db: Database, params: { workspaceId: string; runId: string }): Promise<AnalysisRunView | undefined> {
  const row = await findAnalysisRun(db, params);
  if (!row) return undefined;
  return {
    id: row.id,
    studyId: row.studyId,
    name: row.name,
    config: parseRunConfig(row.config),
    // A run whose job row is gone (deleted workspace jobs) still shows its results.
    status: row.jobStatus ?? (row.results ? "succeeded" : "failed"),
    error: row.jobError ?? null,
    jobId: row.jobId,
    respondentCount: row.respondentCount,
    dataFingerprint: row.dataFingerprint,
    createdAt: row.createdAt,
    // Results of an older format (the pre-release adapter's) cannot be saved the same way; show them as none.
    results: (row.results as { version?: number } | null)?.version === SWEEP_RESULTS_VERSION ? (row.results as SweepResults) : null,
  };
}

export async function listStudyRuns(db: Database, params: { workspaceId: string; studyId: string }) {
  const rows = await listAnalysisRuns(db, params);
  return rows.map((row) => {
    const config = parseRunConfig(row.config);
    return {
      id: row.id,
      name: row.name,
      status: row.jobStatus ?? ("failed" as JobStatus),
      kMin: config.kMin,
      kMax: config.kMax,
      respondentCount: row.respondentCount,
      createdAt: row.createdAt,
    };
  });
}

/** The API's view of a run: settings, status and the per-k summaries (no respondent-level data). */
export function analysisRunJson(run: AnalysisRunView) {
  return {
    id: run.id,
    studyId: run.studyId,
    name: run.name,
    status: run.status,
    error: run.error,
    jobId: run.jobId,
    config: run.config,
    respondentCount: run.respondentCount,
    dataFingerprint: run.dataFingerprint,
    createdAt: run.createdAt.toISOString(),
    results: run.results,
  };
}
