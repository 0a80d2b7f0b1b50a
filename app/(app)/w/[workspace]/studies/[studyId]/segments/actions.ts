"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/auth/access";
import { runSegmentation, toPreview } from "@/lib/segmentation/run-segmentation";
import { saveSegmentation } from "@/lib/segmentation/save-segmentation";
import { ZRunStudySegmentationInput } from "@/lib/segmentation/schemas";

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
