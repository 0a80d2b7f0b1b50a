// One background job's status and progress (imports, analysis sweeps): what progress bars poll.
import { getJob } from "@/db/queries/jobs";
import { apiRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { jobJson } from "@/lib/jobs/job-json";

export const GET = apiRoute<{ jobId: string }>({ permission: "jobs:manage" }, async (ctx, { params }) => {
  const job = isUuid(params.jobId) ? await getJob(ctx.db, { workspaceId: ctx.workspace.id, jobId: params.jobId }) : undefined;
  if (!job) throw new AppError("not_found", "Job not found.");
  return jobJson(job);
});
