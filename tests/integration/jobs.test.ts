import { describe, expect, it } from "vitest";
import { enqueueJob, getJob, requestJobCancel } from "@/db/queries/jobs";
import { jobs } from "@/db/schema";
import { eq, sql } from "drizzle-orm";
import type { JobHandler } from "@/lib/jobs/job-context";
import { runNextJob } from "@/lib/jobs/run-next-job";
import { createStudyFixture } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

const kind = () => `test-${Math.random().toString(36).slice(2)}`;

describe.each(testDatabaseKinds())("background jobs on %s", (dbKind) => {
  const t = useTestDatabase(dbKind);

  it("runs a queued job, records its progress and result", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const jobKind = kind();
    const handler: JobHandler = async (ctx) => {
      await ctx.progress({ done: 1, total: 2, unit: "steps" }, { force: true });
      return { sum: (ctx.job.payload.a as number) + (ctx.job.payload.b as number) };
    };
    const queued = await enqueueJob(t.db, { workspaceId: workspace.id, kind: jobKind, payload: { a: 2, b: 3 } });
    const ran = await runNextJob(t.db, { instanceId: "i1", handlers: { [jobKind]: async () => handler } });
    expect(ran?.id).toBe(queued.id);
    const done = await getJob(t.db, { workspaceId: workspace.id, jobId: queued.id });
    expect(done).toMatchObject({ status: "succeeded", result: { sum: 5 }, progress: { done: 1, total: 2 }, attempts: 1, lockedBy: "i1" });
    expect(await runNextJob(t.db, { instanceId: "i1", handlers: { [jobKind]: async () => handler } })).toBeUndefined();
  });

  it("records a failure with its message", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const jobKind = kind();
    const queued = await enqueueJob(t.db, { workspaceId: workspace.id, kind: jobKind });
    await runNextJob(t.db, { instanceId: "i1", handlers: { [jobKind]: async () => async () => { throw new Error("bad file"); } } });
    expect(await getJob(t.db, { workspaceId: workspace.id, jobId: queued.id })).toMatchObject({ status: "failed", error: "bad file" });
  });

  it("cancels a queued job at once and stops a running one at its next progress report", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const jobKind = kind();
    const queuedOnly = await enqueueJob(t.db, { workspaceId: workspace.id, kind: jobKind });
    expect(await requestJobCancel(t.db, { workspaceId: workspace.id, jobId: queuedOnly.id })).toMatchObject({ status: "cancelled" });

    const running = await enqueueJob(t.db, { workspaceId: workspace.id, kind: jobKind });
    let steps = 0;
    const handler: JobHandler = async (ctx) => {
      for (;;) {
        steps++;
        if (steps === 3) await requestJobCancel(t.db, { workspaceId: workspace.id, jobId: running.id });
        await ctx.progress({ done: steps }, { force: true });
      }
    };
    await runNextJob(t.db, { instanceId: "i1", handlers: { [jobKind]: async () => handler } });
    expect(steps).toBe(3);
    expect(await getJob(t.db, { workspaceId: workspace.id, jobId: running.id })).toMatchObject({ status: "cancelled", error: null });
  });

  it("never hands one job to two runners, and re-claims a job whose instance went silent", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const jobKind = kind();
    const job = await enqueueJob(t.db, { workspaceId: workspace.id, kind: jobKind });
    const seen: string[] = [];
    const handler: JobHandler = async (ctx) => void seen.push(ctx.job.lockedBy!);
    const handlers = { [jobKind]: async () => handler };
    await Promise.all([runNextJob(t.db, { instanceId: "a", handlers }), runNextJob(t.db, { instanceId: "b", handlers })]);
    expect(seen).toHaveLength(1);

    // A job left "running" by a dead instance, its heartbeat two minutes old.
    await t.db
      .update(jobs)
      .set({ status: "running", lockedBy: "dead", heartbeatAt: sql`now() - interval '2 minutes'` })
      .where(eq(jobs.id, job.id));
    await runNextJob(t.db, { instanceId: "c", handlers });
    expect(await getJob(t.db, { workspaceId: workspace.id, jobId: job.id })).toMatchObject({ status: "succeeded", lockedBy: "c", attempts: 2 });
  });

  it("keeps jobs of one workspace out of another's reach", async () => {
    const a = await createStudyFixture(t.db);
    const b = await createStudyFixture(t.db);
    const job = await enqueueJob(t.db, { workspaceId: a.workspace.id, kind: kind() });
    expect(await getJob(t.db, { workspaceId: b.workspace.id, jobId: job.id })).toBeUndefined();
    expect(await requestJobCancel(t.db, { workspaceId: b.workspace.id, jobId: job.id })).toBeUndefined();
  });
});
