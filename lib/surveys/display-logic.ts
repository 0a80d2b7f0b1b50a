import type { Question, SurveyDefinition } from "./definition";
import type { ShowIf } from "./question-schemas";
import { hasAnswer, pagesOf } from "./survey-pages";

/** Question types whose answer is a code a later question's condition can test. */
export const CONDITION_SOURCE_TYPES = ["single_choice", "likert_item", "nps", "rating", "multiple_choice"] as const;

export function isConditionSource(question: Question): boolean {
  return (CONDITION_SOURCE_TYPES as readonly string[]).includes(question.type);
}

/** The codes a condition on this question may name (options, scale points, NPS 0–10, rating steps). */
export function conditionCodesOf(question: Question): number[] {
  switch (question.type) {
    case "single_choice":
      return question.options.map((o) => o.code);
    case "likert_item":
      return question.scale.map((o) => o.code);
    case "multiple_choice":
      return [...question.options, ...(question.other ? [question.other] : [])].map((o) => o.code);
    case "nps":
      return Array.from({ length: 11 }, (_, i) => i);
    case "rating": {
      const steps = Math.round((question.max - question.min) / question.step);
      return steps > 100 ? [] : Array.from({ length: steps + 1 }, (_, i) => question.min + i * question.step);
    }
    default:
      return [];
  }
}

/** Values a form leaves for an unanswered question ("", NaN, [], { codes: [] }, a MaxDiff without picks…). */
export function isBlankAnswer(value: unknown): boolean {
  return !hasAnswer(value);
}

/** The codes an answer holds: one for a single value, the chosen ones for a multiple choice. */
function answeredCodes(value: unknown): number[] {
  if (typeof value === "number" && Number.isFinite(value)) return [value];
  const codes = (value as { codes?: unknown } | null)?.codes;
  return Array.isArray(codes) ? codes.filter((c): c is number => typeof c === "number") : [];
}

function holds(condition: ShowIf, value: unknown): boolean {
  const given = answeredCodes(value);
  // An unanswered trigger shows no follow-up, whatever the operator.
  if (given.length === 0) return false;
  const hit = given.some((code) => condition.codes.includes(code));
  return condition.operator === "not_equals" ? !hit : hit;
}

/**
 * Which questions the respondent sees for the answers given so far: those on a shown page whose
 * own condition holds. A condition on a question that is itself hidden is false, so chains of
 * follow-ups close together, and a hidden page hides every question on it.
 */
export function visibleQuestionIds(definition: SurveyDefinition, answers: Record<string, unknown>): Set<string> {
  const visible = new Set<string>();
  const shows = (condition: ShowIf | undefined) => !condition || (visible.has(condition.questionId) && holds(condition, answers[condition.questionId]));
  // Conditions only point to earlier questions, so one pass in definition order settles them all.
  for (const page of pagesOf(definition.questions)) {
    if (!shows(page.settings.showIf)) continue;
    for (const question of page.questions) if (shows(question.showIf)) visible.add(question.id);
  }
  return visible;
}

export function hasDisplayLogic(definition: SurveyDefinition): boolean {
  return definition.questions.some((question) => question.showIf || question.page?.showIf);
}
