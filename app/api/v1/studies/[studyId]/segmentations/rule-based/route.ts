// Saves the study's latest RFM named segments or engagement tiers as a solution (for personas), from the customer metrics.
import { apiRoute } from "@/lib/auth/api-route";
import { getSegmentation } from "@/lib/segmentation/get-segmentation";
import { segmentationJson } from "@/lib/segmentation/segmentation-json";
import { saveRuleBasedSegmentation } from "@/lib/segmentation/solution/save-rule-based";
import { ZSaveRuleBasedInput } from "@/lib/segmentation/solution/schemas";

export const POST = apiRoute<{ studyId: string }, typeof ZSaveRuleBasedInput>(
  { permission: "analysis:run", body: ZSaveRuleBasedInput },
  async (ctx, { params, body }) => {
    const { id } = await saveRuleBasedSegmentation(ctx.db, { workspaceId: ctx.workspace.id, studyId: params.studyId, userId: ctx.userId, input: body });
    const saved = await getSegmentation(ctx.db, { workspaceId: ctx.workspace.id, segmentationId: id });
    return Response.json(segmentationJson(saved!), { status: 201 });
  },
);
