import { z } from "zod";

/**
 * Quotas cap how many complete responses may choose one option of a single-choice question
 * (e.g. at most 50 answering "Female"). Pure: the caller counts under a lock and asks here.
 */

export const ZSurveyQuota = z.object({
  questionId: z.string().min(1, "Choose a question").max(40),
  optionCode: z.number().int("Choose an option"),
  limit: z.number().int("The limit is a whole number").min(1, "The limit is at least 1").max(10_000_000),
});
export type SurveyQuota = z.infer<typeof ZSurveyQuota>;

export type QuotaCount = { questionId: string; optionCode: number; n: number };

export type AdmissionDecision = { admit: true } | { admit: false; reason: "limit" | "quota"; quota?: SurveyQuota };

/** Whether one more complete response with these answers fits the response limit and every quota it falls into. */
export function admissionDecision(params: {
  responseLimit: number | null;
  completeCount: number;
  quotas: readonly SurveyQuota[];
  quotaCounts: readonly QuotaCount[];
  answers: Record<string, unknown>;
}): AdmissionDecision {
  if (params.responseLimit !== null && params.completeCount >= params.responseLimit) return { admit: false, reason: "limit" };
  for (const quota of params.quotas) {
    if (params.answers[quota.questionId] !== quota.optionCode) continue;
    const filled = params.quotaCounts.find((c) => c.questionId === quota.questionId && c.optionCode === quota.optionCode)?.n ?? 0;
    if (filled >= quota.limit) return { admit: false, reason: "quota", quota };
  }
  return { admit: true };
}

/** Whether the close date has passed (a survey with no close date never closes by time). */
export function isPastClose(closeAt: Date | null, now: Date): boolean {
  return closeAt !== null && now.getTime() >= closeAt.getTime();
}
