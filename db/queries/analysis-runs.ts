import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { analysisRuns, jobs } from "../schema";
import { isUuid } from "@/lib/ids";

const runColumns = {
  id: analysisRuns.id,
  studyId: analysisRuns.studyId,
  name: analysisRuns.name,
  config: analysisRuns.config,
  dataFingerprint: analysisRuns.dataFingerprint,
  respondentCount: analysisRuns.respondentCount,
  jobId: analysisRuns.jobId,
  createdAt: analysisRuns.createdAt,
  jobStatus: jobs.status,
  jobError: jobs.error,
};

/** Creates the run and its job together, so no run is ever left without the job that fills it. */
export async function insertAnalysisRunWithJob(
  db: Database,
  params: { workspaceId: string; studyId: string; name: string; config: Record<string, unknown>; dataFingerprint: string; respondentCount: number; createdBy: string | undefined; jobKind: string },
) {
  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(analysisRuns)
      .values({
        workspaceId: params.workspaceId,
        studyId: params.studyId,
        name: params.name,
        config: params.config,
        dataFingerprint: params.dataFingerprint,
        respondentCount: params.respondentCount,
        createdBy: params.createdBy ?? null,
      })
      .returning({ id: analysisRuns.id });
    const [job] = await tx
      .insert(jobs)
      .values({ workspaceId: params.workspaceId, kind: params.jobKind, payload: { runId: run!.id }, createdBy: params.createdBy ?? null })
      .returning({ id: jobs.id });
    await tx.update(analysisRuns).set({ jobId: job!.id }).where(eq(analysisRuns.id, run!.id));
    return { id: run!.id, jobId: job!.id };
  });
}

/** A run with its job's status and its results (null until the sweep has finished). */
export async function findAnalysisRun(db: Database, params: { workspaceId: string; runId: string }) {
  if (!isUuid(params.runId)) return undefined;
  const [row] = await db
    .select({ ...runColumns, results: analysisRuns.results })
    .from(analysisRuns)
    .leftJoin(jobs, eq(jobs.id, analysisRuns.jobId))
    .where(and(eq(analysisRuns.workspaceId, params.workspaceId), eq(analysisRuns.id, params.runId)));
  return row;
}

export async function listAnalysisRuns(db: Database, params: { workspaceId: string; studyId: string; limit?: number }) {
  if (!isUuid(params.studyId)) return [];
  return db
    .select(runColumns)
    .from(analysisRuns)
    .leftJoin(jobs, eq(jobs.id, analysisRuns.jobId))
    .where(and(eq(analysisRuns.workspaceId, params.workspaceId), eq(analysisRuns.studyId, params.studyId)))
    .orderBy(desc(analysisRuns.createdAt))
    .limit(params.limit ?? 50);
}

/** Written once, at the end of a successful sweep: a cancelled or failed run keeps no results. */
export async function storeAnalysisRunResults(
  db: Database,
  params: { workspaceId: string; runId: string; results: Record<string, unknown>; dataFingerprint: string; respondentCount: number },
) {
  await db
    .update(analysisRuns)
    .set({ results: params.results, dataFingerprint: params.dataFingerprint, respondentCount: params.respondentCount })
    .where(and(eq(analysisRuns.workspaceId, params.workspaceId), eq(analysisRuns.id, params.runId)));
}
