import type { Answers } from "@/lib/surveys/answers";
import type { SurveyDefinition } from "@/lib/surveys/definition";

/**
 * Quality flags of one complete response. Pure: the submit path computes the answer-based flags,
 * and the speeder flag is refreshed in SQL with the same rule whenever the survey's median moves
 * (db/queries/response-list.ts, refreshSpeederFlags).
 */

export const QUALITY_FLAGS = ["speeder", "straight_liner", "attention_failed"] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

/** A response is a speeder when it took less than this share of the survey's median duration. */
export const SPEEDER_FRACTION = 1 / 3;
/** Batteries with fewer statements say too little about straight-lining. */
export const STRAIGHT_LINE_MIN_STATEMENTS = 5;
/** A run of one scale point covering at least this share of a battery's statements also counts. */
export const STRAIGHT_LINE_RUN_SHARE = 0.8;

export function isSpeeder(durationMs: number | null | undefined, medianDurationMs: number | null | undefined): boolean {
  if (durationMs == null || medianDurationMs == null || medianDurationMs <= 0) return false;
  return durationMs < medianDurationMs * SPEEDER_FRACTION;
}

/** The longest run of one value in a sequence (consecutive equal entries). */
export function longestRun(values: readonly number[]): number {
  let best = 0;
  let run = 0;
  values.forEach((value, i) => {
    run = i > 0 && values[i - 1] === value ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return best;
}

/** A battery of at least 5 answered statements, all on one scale point or with a run over 80 % of them. */
export function isStraightLined(values: readonly number[]): boolean {
  if (values.length < STRAIGHT_LINE_MIN_STATEMENTS) return false;
  return longestRun(values) >= Math.ceil(values.length * STRAIGHT_LINE_RUN_SHARE);
}

function batteryValues(answer: unknown, rowIds: readonly string[]): number[] {
  if (!answer || typeof answer !== "object" || Array.isArray(answer)) return [];
  const battery = answer as Record<string, unknown>;
  // Definition order: the order statements are listed in, whatever order the answers object has.
  return rowIds.map((id) => battery[id]).filter((value): value is number => typeof value === "number");
}

/** True when an attention check was answered with another code than expected (unanswered checks do not fail). */
export function failsAttentionCheck(definition: SurveyDefinition, answers: Answers): boolean {
  for (const question of definition.questions) {
    const answer = answers[question.id];
    if (question.type === "single_choice") {
      if (question.attentionCheck && typeof answer === "number" && answer !== question.attentionCheck.expectedCode) return true;
    } else if (question.type === "likert_battery" && answer && typeof answer === "object") {
      for (const row of question.rows) {
        const value = (answer as Record<string, unknown>)[row.id];
        if (row.attentionCheck && typeof value === "number" && value !== row.attentionCheck.expectedCode) return true;
      }
    }
  }
  return false;
}

/** The flags that depend on the answers alone (stored at submit time). */
export function answerQualityFlags(definition: SurveyDefinition, answers: Answers): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const straightLined = definition.questions.some(
    (question) =>
      question.type === "likert_battery" && isStraightLined(batteryValues(answers[question.id], question.rows.map((row) => row.id))),
  );
  if (straightLined) flags.push("straight_liner");
  if (failsAttentionCheck(definition, answers)) flags.push("attention_failed");
  return flags;
}

/** Every flag of a response, given the survey's current median duration. */
export function qualityFlags(
  definition: SurveyDefinition,
  answers: Answers,
  timing: { durationMs: number | null | undefined; medianDurationMs: number | null | undefined },
): QualityFlag[] {
  const flags: QualityFlag[] = isSpeeder(timing.durationMs, timing.medianDurationMs) ? ["speeder"] : [];
  return [...flags, ...answerQualityFlags(definition, answers)];
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
