// One analysis run: its settings, job status and, once finished, the per-k sweep results (summaries only).
import { apiRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { analysisRunJson, getAnalysisRun } from "@/lib/segmentation/sweep/get-run";

export const GET = apiRoute<{ runId: string }>({ permission: "segments:read" }, async (ctx, { params }) => {
  const run = await getAnalysisRun(ctx.db, { workspaceId: ctx.workspace.id, runId: params.runId });
  if (!run) throw new AppError("not_found", "Analysis run not found.");
  return analysisRunJson(run);
});
