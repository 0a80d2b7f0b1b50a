import type { PageSettings } from "./question-schemas";

/**
 * Pages and progress of the respondent form. A question marked `pageBreakBefore` starts a new
 * page; a survey without such marks is one page, as before. The page's settings (condition,
 * shuffling) live on its first question. Pure: no React or database.
 */

type Paged = { id: string; pageBreakBefore?: boolean };

/** One page (block) of a survey: named by the id of its first question in the definition. */
export type SurveyPage<Q extends { id: string }> = { id: string; questions: Q[]; settings: PageSettings };

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

/** The survey's pages in definition order, each with the settings its first question carries. */
export function pagesOf<Q extends Paged & { page?: PageSettings }>(questions: readonly Q[]): SurveyPage<Q>[] {
  return splitIntoPages(questions).map((page) => ({ id: page[0]!.id, questions: page, settings: page[0]!.page ?? {} }));
}

/**
 * The groups of pages shuffled together: each maximal run of consecutive pages marked
 * "shuffle" is shuffled among itself, while unmarked pages keep their place. Page indexes.
 */
export function shuffledRuns(pages: readonly { settings: PageSettings }[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  pages.forEach((page, index) => {
    if (page.settings.randomize) run.push(index);
    else if (run.length) (runs.push(run), (run = []));
  });
  if (run.length) runs.push(run);
  return runs.filter((r) => r.length > 1);
}

/**
 * Where a returning respondent continues: the first shown page with a question whose answer is
 * missing or incomplete (what "Next" would refuse), else the page of the last question they
 * answered, else the first page. Pages in the respondent's order, already limited to shown ones.
 */
export function resumePageId(pages: readonly SurveyPage<{ id: string }>[], needsAnswer: ReadonlySet<string>, lastQuestionId?: string | null): string | undefined {
  const open = pages.find((page) => page.questions.some((question) => needsAnswer.has(question.id)));
  if (open) return open.id;
  const last = lastQuestionId ? pages.find((page) => page.questions.some((question) => question.id === lastQuestionId)) : undefined;
  return (last ?? pages[0])?.id;
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
    // MaxDiff holds its design version beside one best/worst pick per set: answered once a pick is made.
    const choices = (value as { choices?: unknown }).choices;
    if (Array.isArray(choices)) return choices.every((choice) => isBlank((choice as { best?: unknown })?.best) && isBlank((choice as { worst?: unknown })?.worst));
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
