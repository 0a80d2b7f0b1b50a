import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobs, type Job, type JobProgress, type JobStatus } from "@/db/schema";

type WorkspaceKey = { workspaceId: string };

export async function enqueueJob(
  db: Database,
  params: WorkspaceKey & { kind: string; payload?: Record<string, unknown>; createdBy?: string | null },
): Promise<Job> {
  const [job] = await db
    .insert(jobs)
    .values({ workspaceId: params.workspaceId, kind: params.kind, payload: params.payload ?? {}, createdBy: params.createdBy ?? null })
    .returning();
  return job!;
}

export async function getJob(db: Database, params: WorkspaceKey & { jobId: string }): Promise<Job | undefined> {
  const [job] = await db.select().from(jobs).where(and(eq(jobs.workspaceId, params.workspaceId), eq(jobs.id, params.jobId)));
  return job;
}

export async function listJobs(db: Database, params: WorkspaceKey & { kind?: string; limit?: number }): Promise<Job[]> {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.workspaceId, params.workspaceId), params.kind ? eq(jobs.kind, params.kind) : undefined))
    .orderBy(desc(jobs.createdAt))
    .limit(params.limit ?? 50);
}

/** A queued job is cancelled at once; a running one is asked to stop and notices at its next progress report. */
export async function requestJobCancel(db: Database, params: WorkspaceKey & { jobId: string }): Promise<Job | undefined> {
  const now = new Date();
  const [job] = await db
    .update(jobs)
    .set({
      cancelRequestedAt: sql`coalesce(${jobs.cancelRequestedAt}, ${now.toISOString()}::timestamptz)`,
      status: sql`case when ${jobs.status} = 'queued' then 'cancelled' else ${jobs.status} end`,
      finishedAt: sql`case when ${jobs.status} = 'queued' then ${now.toISOString()}::timestamptz else ${jobs.finishedAt} end`,
    })
    .where(and(eq(jobs.workspaceId, params.workspaceId), eq(jobs.id, params.jobId)))
    .returning();
  return job;
}

/**
 * Claims the oldest queued job — or a running one whose instance stopped sending heartbeats — for this
 * instance. SKIP LOCKED lets many instances claim at once without ever taking the same job.
 */
export async function claimNextJob(
  db: Database,
  params: { instanceId: string; staleAfterMs: number; kinds: string[]; maxAttempts?: number },
): Promise<Job | undefined> {
  if (params.kinds.length === 0) return undefined;
  const staleBefore = new Date(Date.now() - params.staleAfterMs);
  return db.transaction(async (tx) => {
    const [candidate] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          sql`${jobs.kind} in (${sql.join(params.kinds.map((kind) => sql`${kind}`), sql`, `)})`,
          isNull(jobs.cancelRequestedAt),
          lt(jobs.attempts, params.maxAttempts ?? 3),
          or(eq(jobs.status, "queued"), and(eq(jobs.status, "running"), lt(jobs.heartbeatAt, staleBefore))),
        ),
      )
      .orderBy(jobs.createdAt)
      .limit(1)
      .for("update", { skipLocked: true });
    if (!candidate) return undefined;
    const now = new Date();
    const [job] = await tx
      .update(jobs)
      .set({ status: "running", lockedBy: params.instanceId, heartbeatAt: now, startedAt: now, attempts: sql`${jobs.attempts} + 1`, error: null })
      .where(eq(jobs.id, candidate.id))
      .returning();
    return job;
  });
}

/** Records progress and the heartbeat; tells the runner whether someone asked to cancel. */
export async function reportJobProgress(
  db: Database,
  params: { jobId: string; instanceId: string; progress: JobProgress },
): Promise<{ cancelRequested: boolean; stillOwned: boolean }> {
  const [row] = await db
    .update(jobs)
    .set({ progress: params.progress, heartbeatAt: new Date() })
    .where(and(eq(jobs.id, params.jobId), eq(jobs.lockedBy, params.instanceId), eq(jobs.status, "running")))
    .returning({ cancelRequestedAt: jobs.cancelRequestedAt });
  return { cancelRequested: Boolean(row?.cancelRequestedAt), stillOwned: Boolean(row) };
}

export async function finishJob(
  db: Database,
  params: { jobId: string; instanceId: string; status: Exclude<JobStatus, "queued" | "running">; result?: unknown; error?: string },
): Promise<void> {
  await db
    .update(jobs)
    .set({ status: params.status, result: params.result ?? null, error: params.error ?? null, finishedAt: new Date(), heartbeatAt: new Date() })
    .where(and(eq(jobs.id, params.jobId), eq(jobs.lockedBy, params.instanceId)));
}
