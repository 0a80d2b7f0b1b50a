import type { Question, SurveyDefinition } from "./definition";

/**
 * The order one respondent sees: questions, options/items and battery statements, listed only
 * where the survey randomises them. Seeded by the submission key, so a reload (same key) shows
 * the same order and the server can derive what the respondent saw instead of trusting the client.
 */
export type DisplayOrder = { questions?: string[]; options?: Record<string, string[]>; rows?: Record<string, string[]> };

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

/** Questions in blocks: a follow-up (showIf) travels right after the question it depends on. */
function questionOrder(definition: SurveyDefinition, key: string): string[] {
  const rootOf = new Map<string, string>();
  const blocks = new Map<string, string[]>();
  for (const question of definition.questions) {
    const root = question.showIf ? (rootOf.get(question.showIf.questionId) ?? question.id) : question.id;
    rootOf.set(question.id, root);
    blocks.set(root, [...(blocks.get(root) ?? []), question.id]);
  }
  return seededShuffle([...blocks.keys()], key, "questions").flatMap((root) => blocks.get(root)!);
}

/** Whether anything in the survey is shown in a per-respondent order. */
export function isRandomised(definition: SurveyDefinition): boolean {
  return displayOrderOf(definition, "") !== null;
}

export function displayOrderOf(definition: SurveyDefinition, key: string): DisplayOrder | null {
  const order: DisplayOrder = {};
  if (definition.randomizeQuestions) order.questions = questionOrder(definition, key);
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

/** The definition as this respondent sees it: questions, options and statements in their order. */
export function applyDisplayOrder(definition: SurveyDefinition, order: DisplayOrder | null): SurveyDefinition {
  if (!order) return definition;
  const questions = byIds(definition.questions, order.questions).map((question): Question => {
    const ids = order.options?.[question.id];
    if (question.type === "single_choice" || question.type === "multiple_choice") return { ...question, options: byIds(question.options, ids) };
    if (question.type === "ranking" || question.type === "constant_sum") return { ...question, items: byIds(question.items, ids) };
    if (question.type === "likert_battery") return { ...question, rows: byIds(question.rows, order.rows?.[question.id]) };
    return question;
  });
  return { ...definition, questions };
}
