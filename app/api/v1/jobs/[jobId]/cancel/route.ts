// Asks a background job to stop: a queued job is cancelled at once, a running one at its next progress report.
import { requestJobCancel } from "@/db/queries/jobs";
import { apiRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { jobJson } from "@/lib/jobs/job-json";

export const POST = apiRoute<{ jobId: string }>({ permission: "jobs:manage" }, async (ctx, { params }) => {
  const job = isUuid(params.jobId) ? await requestJobCancel(ctx.db, { workspaceId: ctx.workspace.id, jobId: params.jobId }) : undefined;
  if (!job) throw new AppError("not_found", "Job not found.");
  return jobJson(job);
});
