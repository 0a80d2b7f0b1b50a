/** Next.js start-up hook: background work that every server instance runs (safe to run on many at once). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOutboxTimer } = await import("@/lib/distribution/outbox-timer");
  startOutboxTimer();
  const { startJobRunner } = await import("@/lib/jobs/job-runner");
  startJobRunner();
}
