import type { Question, SurveyDefinition } from "./definition";
import { pagesOf, shuffledRuns, type SurveyPage } from "./survey-pages";

/**
 * The order one respondent sees: pages, questions, options/items and battery statements, listed
 * only where the survey randomises them. Seeded by the submission key, so a reload (same key)
 * shows the same order and the server can derive what the respondent saw instead of trusting the
 * client. `pages` names each page by its first question in the definition; `questions` is every
 * question in the order shown (pages included), so readers that predate pages keep working.
 */
export type DisplayOrder = { pages?: string[]; questions?: string[]; options?: Record<string, string[]>; rows?: Record<string, string[]> };

/** FNV-1a: a 32-bit seed from a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: small, fast and the same in every JavaScript engine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of a copy, seeded by key + salt so each list gets its own order. */
export function seededShuffle<T>(values: readonly T[], key: string, salt: string): T[] {
  const next = random(hash(`${key}:${salt}`));
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function shuffledIdsOf(question: Question): string[] | undefined {
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
      return question.randomizeOptions ? question.options.map((o) => o.id) : undefined;
    case "ranking":
    case "constant_sum":
      return question.randomizeOptions ? question.items.map((o) => o.id) : undefined;
    default:
      return undefined;
  }
}

/**
 * One page's questions in a respondent's order. A follow-up (showIf on a question of the same
 * page) travels right after the question it depends on. The first page keeps the salt of the
 * time before pages, so a one-page survey orders its questions exactly as it always has.
 */
function questionOrder(page: SurveyPage<Question>, pageIndex: number, key: string): string[] {
  const rootOf = new Map<string, string>();
  const blocks = new Map<string, string[]>();
  for (const question of page.questions) {
    const root = question.showIf ? (rootOf.get(question.showIf.questionId) ?? question.id) : question.id;
    rootOf.set(question.id, root);
    blocks.set(root, [...(blocks.get(root) ?? []), question.id]);
  }
  const salt = pageIndex === 0 ? "questions" : `questions:${page.id}`;
  return seededShuffle([...blocks.keys()], key, salt).flatMap((root) => blocks.get(root)!);
}

/** Page ids in a respondent's order: each run of shuffled pages is shuffled in place. */
function pageOrder(pages: readonly SurveyPage<Question>[], key: string): string[] {
  const ids = pages.map((page) => page.id);
  for (const run of shuffledRuns(pages)) {
    const shuffled = seededShuffle(run.map((index) => ids[index]!), key, `pages:${ids[run[0]!]}`);
    run.forEach((index, i) => (ids[index] = shuffled[i]!));
  }
  return ids;
}

/** Whether anything in the survey is shown in a per-respondent order. */
export function isRandomised(definition: SurveyDefinition): boolean {
  return displayOrderOf(definition, "") !== null;
}

export function displayOrderOf(definition: SurveyDefinition, key: string): DisplayOrder | null {
  const order: DisplayOrder = {};
  const pages = pagesOf(definition.questions);
  if (shuffledRuns(pages).length) order.pages = pageOrder(pages, key);
  const shuffleQuestions = (page: SurveyPage<Question>) => Boolean(definition.randomizeQuestions || page.settings.randomizeQuestions);
  if (order.pages || pages.some(shuffleQuestions)) {
    const byId = new Map(pages.map((page, index) => [page.id, { page, index }]));
    const pageIds = order.pages ?? pages.map((page) => page.id);
    order.questions = pageIds.flatMap((id) => {
      const { page, index } = byId.get(id)!;
      return shuffleQuestions(page) ? questionOrder(page, index, key) : page.questions.map((q) => q.id);
    });
  }
  for (const question of definition.questions) {
    const ids = shuffledIdsOf(question);
    if (ids) (order.options ??= {})[question.id] = seededShuffle(ids, key, `options:${question.id}`);
    if (question.type === "likert_battery" && question.randomizeRows) {
      (order.rows ??= {})[question.id] = seededShuffle(question.rows.map((r) => r.id), key, `rows:${question.id}`);
    }
  }
  return Object.keys(order).length ? order : null;
}

const byIds = <T extends { id: string }>(entries: T[], ids: string[] | undefined): T[] =>
  ids ? ids.map((id) => entries.find((e) => e.id === id)).filter((e): e is T => e !== undefined) : entries;

function withOrder(question: Question, order: DisplayOrder): Question {
  const ids = order.options?.[question.id];
  if (question.type === "single_choice" || question.type === "multiple_choice") return { ...question, options: byIds(question.options, ids) };
  if (question.type === "ranking" || question.type === "constant_sum") return { ...question, items: byIds(question.items, ids) };
  if (question.type === "likert_battery") return { ...question, rows: byIds(question.rows, order.rows?.[question.id]) };
  return question;
}

/**
 * The pages as this respondent sees them: pages, their questions, options and statements in the
 * respondent's order. Pages stay the blocks of the definition (with their settings), whatever
 * order their questions come in; an order stored before pages existed keeps pages in place.
 */
export function displayedPages(definition: SurveyDefinition, order: DisplayOrder | null): SurveyPage<Question>[] {
  const pages = pagesOf(definition.questions);
  if (!order) return pages;
  const position = new Map((order.questions ?? []).map((id, i) => [id, i]));
  const rank = (id: string) => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  const pageRank = new Map((order.pages ?? []).map((id, i) => [id, i]));
  return [...pages]
    .map((page, i) => ({ page, at: pageRank.get(page.id) ?? i }))
    .sort((a, b) => a.at - b.at)
    .map(({ page }) => ({ ...page, questions: [...page.questions].sort((a, b) => rank(a.id) - rank(b.id)).map((q) => withOrder(q, order)) }));
}

/** The definition as this respondent sees it: questions (page by page), options and statements in their order. */
export function applyDisplayOrder(definition: SurveyDefinition, order: DisplayOrder | null): SurveyDefinition {
  if (!order) return definition;
  return { ...definition, questions: displayedPages(definition, order).flatMap((page) => page.questions) };
}
