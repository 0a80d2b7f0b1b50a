import { z } from "zod";
import { MAX_RESTARTS, MAX_SEED, MAX_SEGMENTS, MIN_SEGMENTS } from "../schemas";

export const MAX_VARIABLES = 200;
export const MAX_BOOTSTRAPS = 500;

const wholeNumber = (what: string) => z.number({ error: `Enter the ${what} as a number` }).int(`The ${what} must be a whole number`);
const variableIds = z.array(z.string().trim().min(1).max(120), { error: "Choose variables from the list" }).max(MAX_VARIABLES, `Use at most ${MAX_VARIABLES} variables`);

const datasetShape = {
  surveyId: z.uuid("Choose a survey"),
  basis: variableIds.min(1, "Choose at least one basis variable"),
  descriptors: variableIds.default([]),
  scaling: z.enum(["raw", "standardise"], { error: "Choose raw or standardised values" }).default("raw"),
  missing: z.enum(["drop", "impute"], { error: "Choose how to handle missing values" }).default("drop"),
  // Leave out responses with quality flags (speeder, straight-liner, failed attention check).
  excludeFlagged: z.boolean().default(false),
};

function checkRoles(input: { basis: string[]; descriptors: string[] }, ctx: z.RefinementCtx) {
  const both = input.basis.filter((id) => input.descriptors.includes(id));
  if (both.length > 0) ctx.addIssue({ code: "custom", path: ["descriptors"], message: `A variable is either basis or descriptor, not both: ${both.join(", ")}` });
  if (new Set(input.basis).size !== input.basis.length) ctx.addIssue({ code: "custom", path: ["basis"], message: "A basis variable is listed twice" });
}

/**
 * The analysis dataset: basis variables (what k-means sees) and descriptor variables (kept to
 * describe segments) from one published survey of the study plus the respondents' customer
 * metrics, and how the basis is prepared.
 */
export const ZAnalysisDatasetInput = z.object(datasetShape).superRefine(checkRoles);
export type TAnalysisDatasetInput = z.infer<typeof ZAnalysisDatasetInput>;

const sweepFields = {
  kMin: wholeNumber("smallest k").min(MIN_SEGMENTS, `Start at k = ${MIN_SEGMENTS} or more`).max(MAX_SEGMENTS, `Use k up to ${MAX_SEGMENTS}`).default(MIN_SEGMENTS),
  kMax: wholeNumber("largest k").min(MIN_SEGMENTS, `Use k = ${MIN_SEGMENTS} or more`).max(MAX_SEGMENTS, `Use k up to ${MAX_SEGMENTS}`).default(MAX_SEGMENTS),
  restarts: wholeNumber("number of restarts").min(1, "Use at least 1 restart").max(MAX_RESTARTS, `Use at most ${MAX_RESTARTS} restarts`).default(10),
  bootstraps: wholeNumber("number of bootstraps").min(2, "Use at least 2 bootstrap pairs").max(MAX_BOOTSTRAPS, `Use at most ${MAX_BOOTSTRAPS} bootstraps`).default(100),
  seed: wholeNumber("seed").min(0, "The seed cannot be negative").max(MAX_SEED, `Use a seed up to ${MAX_SEED}`).default(1),
  name: z.string().trim().max(120, "Use at most 120 characters").optional(),
};

/** Start a sweep: the dataset plus k range, restarts, bootstraps and seed. Body of POST /api/v1/studies/{studyId}/analysis-runs. */
export const ZStartSweepInput = z
  .object({ ...datasetShape, ...sweepFields })
  .superRefine((input, ctx) => {
    checkRoles(input, ctx);
    if (input.kMax < input.kMin) ctx.addIssue({ code: "custom", path: ["kMax"], message: "The largest k must not be below the smallest" });
  });
export type TStartSweepInput = z.infer<typeof ZStartSweepInput>;
export type TStartSweepFormValues = z.input<typeof ZStartSweepInput>;

/**
 * Server actions take the study beside the same fields (the API reads it from the URL). The dataset
 * page explores with the very values it will start the sweep with, so both use the sweep schema.
 */
export const ZStartStudySweepInput = z
  .object({ ...datasetShape, ...sweepFields, studyId: z.uuid("Unknown study") })
  .superRefine((input, ctx) => {
    checkRoles(input, ctx);
    if (input.kMax < input.kMin) ctx.addIssue({ code: "custom", path: ["kMax"], message: "The largest k must not be below the smallest" });
  });

/** Save the chosen k of a finished run as a solution. Body of POST /api/v1/analysis-runs/{runId}/solutions. */
export const ZSaveSweepSolutionInput = z.object({
  k: wholeNumber("number of segments").min(MIN_SEGMENTS, `Use at least ${MIN_SEGMENTS} segments`).max(MAX_SEGMENTS, `Use at most ${MAX_SEGMENTS} segments`),
  name: z.string().trim().max(120, "Use at most 120 characters").optional(),
});
export type TSaveSweepSolutionInput = z.infer<typeof ZSaveSweepSolutionInput>;
export const ZSaveRunSolutionInput = ZSaveSweepSolutionInput.extend({ runId: z.uuid("Unknown analysis run") });
