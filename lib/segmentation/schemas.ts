import { z } from "zod";

export const MIN_SEGMENTS = 2;
export const MAX_SEGMENTS = 8;
export const MAX_RESTARTS = 100;
// Seeds are stored in an integer column and fed to a 32-bit generator.
export const MAX_SEED = 2_147_483_647;

const wholeNumber = (what: string) =>
  z.number({ error: `Enter the ${what} as a number` }).int(`The ${what} must be a whole number`);

/**
 * One k-means run on a Likert battery of a published survey. The form, the server action and
 * POST /api/v1/studies/{studyId}/segmentations all parse with this schema; `name` is used only on save.
 */
export const ZRunSegmentationInput = z.object({
  surveyId: z.uuid("Choose a survey"),
  questionId: z.string().trim().min(1, "Choose a question battery").max(40, "Unknown question battery"),
  k: wholeNumber("number of segments")
    .min(MIN_SEGMENTS, `Use at least ${MIN_SEGMENTS} segments`)
    .max(MAX_SEGMENTS, `Use at most ${MAX_SEGMENTS} segments`),
  restarts: wholeNumber("number of restarts")
    .min(1, "Use at least 1 restart")
    .max(MAX_RESTARTS, `Use at most ${MAX_RESTARTS} restarts`)
    .default(10),
  seed: wholeNumber("seed").min(0, "The seed cannot be negative").max(MAX_SEED, `Use a seed up to ${MAX_SEED}`).default(1),
  name: z.string().trim().max(120, "Use at most 120 characters").optional(),
  // Leave out responses with quality flags (speeder, straight-liner, failed attention check).
  excludeFlagged: z.boolean().optional(),
});
export type TRunSegmentationInput = z.infer<typeof ZRunSegmentationInput>;
export type TRunSegmentationFormValues = z.input<typeof ZRunSegmentationInput>;

/** The server action's input: the same fields plus the study, which the API takes from its URL. */
export const ZRunStudySegmentationInput = ZRunSegmentationInput.extend({ studyId: z.uuid("Unknown study") });
export type TRunStudySegmentationInput = z.infer<typeof ZRunStudySegmentationInput>;
