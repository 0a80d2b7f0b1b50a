import { z } from "zod";

/** Inputs of the saved-solution operations; forms, server actions and /api/v1 routes parse with these. */

export const RULE_BASED_METHODS = ["rfm_segments", "engagement_tiers"] as const;
export type RuleBasedMethod = (typeof RULE_BASED_METHODS)[number];

export const ZSaveRuleBasedInput = z.object({
  method: z.enum(RULE_BASED_METHODS, { error: "Choose RFM segments or engagement tiers" }),
  name: z.string().trim().max(120, "Use at most 120 characters").optional(),
});
export type TSaveRuleBasedInput = z.infer<typeof ZSaveRuleBasedInput>;

/** The server action's input: the API takes the study from its URL. */
export const ZSaveStudyRuleBasedInput = ZSaveRuleBasedInput.extend({ studyId: z.uuid("Unknown study") });
export type TSaveStudyRuleBasedInput = z.infer<typeof ZSaveStudyRuleBasedInput>;

export const ZAssignNewRespondentsInput = z.object({ segmentationId: z.uuid("Unknown solution") });
export type TAssignNewRespondentsInput = z.infer<typeof ZAssignNewRespondentsInput>;

export const ZCompareSolutionsInput = z.object({ otherId: z.uuid("Choose another saved solution of this study") });
export type TCompareSolutionsInput = z.infer<typeof ZCompareSolutionsInput>;
