/**
 * Pages and progress of the respondent form. A question marked `pageBreakBefore` starts a new
 * page; a survey without such marks is one page, as before. Pure: no React or database.
 */

type Paged = { id: string; pageBreakBefore?: boolean };

/** The questions split into pages, in order; never an empty page (a break on the first question is ignored). */
export function splitIntoPages<Q extends Paged>(questions: readonly Q[]): Q[][] {
  const pages: Q[][] = [];
  for (const question of questions) {
    const current = pages[pages.length - 1];
    if (!current || (question.pageBreakBefore && current.length > 0)) pages.push([question]);
    else current.push(question);
  }
  return pages;
}

/** The page holding the first of the given question ids (e.g. the first one with an error), or undefined. */
export function pageOfQuestion(pages: readonly (readonly Paged[])[], questionIds: readonly string[]): number | undefined {
  const wanted = new Set(questionIds);
  const index = pages.findIndex((page) => page.some((question) => wanted.has(question.id)));
  return index === -1 ? undefined : index;
}

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "number") return Number.isNaN(value);
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") {
    // Multiple choice keeps { codes: [] } when nothing is chosen; batteries and sums are keyed by row or item.
    const codes = (value as { codes?: unknown }).codes;
    if (Array.isArray(codes)) return codes.length === 0;
    return Object.values(value).every(isBlank);
  }
  return false;
}

/** Whether the respondent has given any answer to a question (a form's leftovers like "", NaN, [] and {} are none). */
export function hasAnswer(value: unknown): boolean {
  return !isBlank(value);
}

/** How many of the questions have an answer in the form values. */
export function answeredCount(questions: readonly Paged[], values: Record<string, unknown>): number {
  return questions.filter((question) => hasAnswer(values[question.id])).length;
}
