// Queues a recomputation of a study's customer metrics; poll the returned job for progress.
import { apiRoute } from "@/lib/auth/api-route";
import { requestRecompute } from "@/lib/customers/metrics/request-recompute";
import { jobJson } from "@/lib/jobs/job-json";

type Params = { studyId: string };

export const POST = apiRoute<Params>({ permission: "customers:import" }, async (ctx, { params }) => {
  const job = await requestRecompute(ctx.db, { workspaceId: ctx.workspace.id, studyId: params.studyId, userId: ctx.userId });
  return Response.json(jobJson(job), { status: 202 });
});
