"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/auth/access";
import { runSegmentation, toPreview } from "@/lib/segmentation/run-segmentation";
import { saveSegmentation } from "@/lib/segmentation/save-segmentation";
import { ZRunStudySegmentationInput } from "@/lib/segmentation/schemas";
import { exploreDataset } from "@/lib/segmentation/dataset/explore";
import { loadAnalysisDataset } from "@/lib/segmentation/dataset/load-dataset";
import { ZSaveRunSolutionInput, ZStartStudySweepInput } from "@/lib/segmentation/dataset/schemas";
import { saveRunSolution } from "@/lib/segmentation/sweep/save-run-solution";
import { startSweep } from "@/lib/segmentation/sweep/start-sweep";

/** Runs k-means and returns sizes and profiles only; nothing is stored and no respondent-level data leaves. */
export const runSegmentationAction = workspaceAction(
  { schema: ZRunStudySegmentationInput, permission: "analysis:run" },
  async (ctx, { studyId, ...input }) => toPreview(await runSegmentation(ctx.db, { workspaceId: ctx.workspace.id, studyId, input })),
);

export const saveSegmentationAction = workspaceAction(
  { schema: ZRunStudySegmentationInput, permission: "analysis:run" },
  async (ctx, { studyId, ...input }) => {
    const saved = await saveSegmentation(ctx.db, { workspaceId: ctx.workspace.id, studyId, userId: ctx.userId, input });
    revalidatePath(`/w/${ctx.workspace.slug}/studies/${studyId}/segments`);
    return saved;
  },
);

/** Loads the chosen dataset and returns its exploration (distributions, correlations, PCA scree): summaries only. */
export const exploreDatasetAction = workspaceAction(
  { schema: ZStartStudySweepInput, permission: "analysis:run" },
  async (ctx, { studyId, ...input }) => exploreDataset(await loadAnalysisDataset(ctx.db, { workspaceId: ctx.workspace.id, studyId, input })),
);

/** Stores the run and queues the sweep job; the page then follows its progress. */
export const startSweepAction = workspaceAction(
  { schema: ZStartStudySweepInput, permission: "analysis:run" },
  async (ctx, { studyId, ...input }) => {
    const run = await startSweep(ctx.db, { workspaceId: ctx.workspace.id, studyId, userId: ctx.userId, input });
    revalidatePath(`/w/${ctx.workspace.slug}/studies/${studyId}/segments`);
    return run;
  },
);

export const saveRunSolutionAction = workspaceAction(
  { schema: ZSaveRunSolutionInput, permission: "analysis:run" },
  async (ctx, { runId, k, name }) => {
    const saved = await saveRunSolution(ctx.db, { workspaceId: ctx.workspace.id, runId, userId: ctx.userId, k, name });
    revalidatePath(`/w/${ctx.workspace.slug}/studies/${saved.studyId}/segments`);
    return saved;
  },
);
