import type { Question } from "@/lib/surveys/definition";
import { scoreMaxDiffRespondent } from "@/lib/surveys/maxdiff";
import { maxDiffSetsOf, type MaxDiffQuestion, type MaxDiffStoredAnswer } from "@/lib/surveys/maxdiff-question";
import type { DatasetVariable } from "./variables";

/** One cell of the analysis table: a number, a category (code as string) or missing. */
export type CellValue = number | string | null;

export type DatasetResponse = {
  id: string;
  versionId: string;
  /** Only the answers of the questions the analysis uses. */
  answers: Record<string, unknown>;
  /** Latest customer metrics of the respondent's customer id, keyed by metric; undefined when none matched. */
  customer?: Record<string, number | string | boolean | null>;
};

/** The sets a respondent's MaxDiff version showed: from the response's own survey version. */
export type MaxDiffSetsOf = (versionId: string, questionId: string, version: number) => readonly (readonly string[])[] | undefined;

const finite = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** setsOf for the survey versions given: an edited MaxDiff question has a new design, so each response is read with its own version's. */
export function maxDiffSetsLookup(versions: readonly { id: string; definition: { questions: readonly Question[] } }[]): MaxDiffSetsOf {
  const versionQuestions = new Map(versions.map((version) => [version.id, version.definition.questions]));
  return (versionId, questionId, version) => {
    const question = versionQuestions.get(versionId)?.find((candidate) => candidate.id === questionId && candidate.type === "maxdiff");
    return question ? maxDiffSetsOf(question as MaxDiffQuestion)[version] : undefined;
  };
}

/** A respondent's MaxDiff counting score per item, or null when the answer cannot be scored. */
export function maxDiffScores(question: MaxDiffQuestion, answer: unknown, versionId: string, setsOf: MaxDiffSetsOf): Map<string, number> | null {
  const stored = answer as MaxDiffStoredAnswer | undefined;
  if (!stored || typeof stored !== "object" || !Array.isArray(stored.choices) || stored.choices.length === 0) return null;
  const sets = setsOf(versionId, question.id, stored.version);
  if (!sets) return null;
  try {
    const counts = scoreMaxDiffRespondent(question.items.map((item) => item.id), { sets, answer: stored.choices });
    return new Map(counts.flatMap((count) => (count.score === null ? [] : [[count.itemId, count.score] as const])));
  } catch {
    // An answer that names items its version never showed is not a usable score.
    return null;
  }
}

/**
 * Builds one response's row of the analysis table. Battery and Likert codes, ratings, NPS and
 * numbers are taken as answered; constant-sum points become shares of the total (0–1); MaxDiff
 * becomes the respondent's counting score per item (best − worst) / shown; a multiple choice
 * gives 0/1 per option; a single choice its code as a category.
 */
export function extractRow(
  variables: readonly DatasetVariable[],
  questions: ReadonlyMap<string, Question>,
  response: DatasetResponse,
  setsOf: MaxDiffSetsOf,
): CellValue[] {
  const maxDiffCache = new Map<string, Map<string, number> | null>();
  return variables.map((variable): CellValue => {
    if (variable.source === "customer") {
      const value = response.customer?.[variable.id.slice("customer:".length)];
      if (value === undefined || value === null) return null;
      if (typeof value === "boolean") return value ? 1 : 0;
      if (variable.kind === "category") return String(value);
      return finite(typeof value === "string" ? Number(value) : value);
    }
    const question = questions.get(variable.group);
    if (!question) return null;
    const answer = response.answers[question.id];
    const part = variable.id.slice(question.id.length + 1);
    switch (question.type) {
      case "likert_battery":
        return answer && typeof answer === "object" ? finite((answer as Record<string, unknown>)[part]) : null;
      case "likert_item":
      case "rating":
      case "nps":
      case "numeric":
        return finite(answer);
      case "constant_sum": {
        if (!answer || typeof answer !== "object") return null;
        const points = finite((answer as Record<string, unknown>)[part]);
        const total = Object.values(answer as Record<string, unknown>).reduce<number>((sum, value) => sum + (finite(value) ?? 0), 0);
        return points === null || total <= 0 ? null : points / total;
      }
      case "maxdiff": {
        if (!maxDiffCache.has(question.id)) maxDiffCache.set(question.id, maxDiffScores(question as MaxDiffQuestion, answer, response.versionId, setsOf));
        return maxDiffCache.get(question.id)?.get(part) ?? null;
      }
      case "single_choice":
        return finite(answer) === null ? null : String(answer);
      case "multiple_choice": {
        if (!answer || typeof answer !== "object" || !Array.isArray((answer as { codes?: unknown }).codes)) return null;
        const option = [...question.options, ...(question.other ? [question.other] : [])].find((candidate) => candidate.id === part);
        return option ? ((answer as { codes: number[] }).codes.includes(option.code) ? 1 : 0) : null;
      }
      default:
        return null;
    }
  });
}
