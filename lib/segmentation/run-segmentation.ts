import type { Database } from "@/db/client";
import { AppError } from "@/lib/errors";
import type { BasisMatrix } from "./build-basis-matrix";
import { computeSegmentation, type ComputedSegmentation } from "./compute-segmentation";
import { loadSegmentationBasis, type SegmentationBasis } from "./load-basis";
import type { SegmentationSummary } from "./profile-summary";
import type { TRunSegmentationInput } from "./schemas";

export type SegmentationRun = Omit<SegmentationBasis, "basis"> &
  ComputedSegmentation & { basis: BasisMatrix };

/** What the UI and API show before saving: summaries only, no respondent-level data. */
export type SegmentationPreview = Omit<SegmentationBasis, "basis"> & { summary: SegmentationSummary };

/**
 * One k-means run for the UI and the API: load the basis from the database, then the pure
 * numeric core (compute-segmentation.ts), which is what a later worker thread will take over.
 * Synchronous for now: 1,000 respondents × 20 statements × 10 restarts takes milliseconds.
 */
export async function runSegmentation(
  db: Database,
  params: { workspaceId: string; studyId: string; input: TRunSegmentationInput },
): Promise<SegmentationRun> {
  const { input } = params;
  const loaded = await loadSegmentationBasis(db, {
    workspaceId: params.workspaceId,
    studyId: params.studyId,
    surveyId: input.surveyId,
    questionId: input.questionId,
    excludeFlagged: input.excludeFlagged,
  });
  if (!loaded.basis) {
    throw new AppError("invalid", "No complete response answered every statement of this battery yet.", {
      questionId: ["No usable responses for this battery"],
    });
  }
  const computed = computeSegmentation(loaded.basis, { k: input.k, restarts: input.restarts, seed: input.seed });
  return { ...loaded, basis: loaded.basis, ...computed };
}

export function toPreview(run: SegmentationRun): SegmentationPreview {
  return { survey: run.survey, question: run.question, summary: run.summary };
}
