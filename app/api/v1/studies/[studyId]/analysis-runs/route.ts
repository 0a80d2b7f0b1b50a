// A study's analysis runs (k sweeps): list them, or start one as a background job.
import { findStudy } from "@/db/queries/studies";
import type { WorkspaceContext } from "@/lib/auth/access";
import { apiRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { ZStartSweepInput } from "@/lib/segmentation/dataset/schemas";
import { analysisRunJson, getAnalysisRun, listStudyRuns } from "@/lib/segmentation/sweep/get-run";
import { startSweep } from "@/lib/segmentation/sweep/start-sweep";

type Params = { studyId: string };

async function requireStudy(ctx: WorkspaceContext, studyId: string) {
  const study = await findStudy(ctx.db, { workspaceId: ctx.workspace.id, studyId });
  if (!study) throw new AppError("not_found", "Study not found.");
}

export const GET = apiRoute<Params>({ permission: "segments:read" }, async (ctx, { params }) => {
  await requireStudy(ctx, params.studyId);
  const runs = await listStudyRuns(ctx.db, { workspaceId: ctx.workspace.id, studyId: params.studyId });
  return { analysisRuns: runs.map((run) => ({ ...run, createdAt: run.createdAt.toISOString() })) };
});

export const POST = apiRoute<Params, typeof ZStartSweepInput>({ permission: "analysis:run", body: ZStartSweepInput }, async (ctx, { params, body }) => {
  await requireStudy(ctx, params.studyId);
  const started = await startSweep(ctx.db, { workspaceId: ctx.workspace.id, studyId: params.studyId, userId: ctx.userId, input: body });
  const run = await getAnalysisRun(ctx.db, { workspaceId: ctx.workspace.id, runId: started.id });
  return Response.json(analysisRunJson(run!), { status: 202 });
});
