"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/auth/access";
import { assignNewRespondents } from "@/lib/segmentation/solution/assign-new-respondents";
import { saveRuleBasedSegmentation } from "@/lib/segmentation/solution/save-rule-based";
import { ZAssignNewRespondentsInput, ZSaveStudyRuleBasedInput } from "@/lib/segmentation/solution/schemas";

/** Places later complete responses of the solution's survey by nearest centroid; the solution itself stays as saved. */
export const assignNewRespondentsAction = workspaceAction(
  { schema: ZAssignNewRespondentsInput, permission: "analysis:run" },
  async (ctx, { segmentationId }) => {
    const outcome = await assignNewRespondents(ctx.db, { workspaceId: ctx.workspace.id, segmentationId });
    revalidatePath(`/w/${ctx.workspace.slug}/studies`, "layout");
    return outcome;
  },
);

/** Saves the latest RFM named segments or engagement tiers of the study's customers as a solution. */
export const saveRuleBasedSolutionAction = workspaceAction(
  { schema: ZSaveStudyRuleBasedInput, permission: "analysis:run" },
  async (ctx, { studyId, ...input }) => {
    const saved = await saveRuleBasedSegmentation(ctx.db, { workspaceId: ctx.workspace.id, studyId, userId: ctx.userId, input });
    revalidatePath(`/w/${ctx.workspace.slug}/studies/${studyId}/segments`);
    return saved;
  },
);
