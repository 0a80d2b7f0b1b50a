import type { SurveyDefinition } from "./definition";
import { optionsOf } from "./question-parts";

/**
 * Ids and codes that a survey has ever used, across its draft and published versions.
 * New questions, statements, options and codes never reuse one, so an id or a code in
 * an old response always means what it meant when that response was given.
 */
export type ReservedIds = {
  questionIds: string[];
  byQuestion: Record<string, { rowIds: string[]; optionIds: string[]; codes: number[] }>;
};

export function collectReservedIds(definitions: readonly SurveyDefinition[]): ReservedIds {
  const questionIds = new Set<string>();
  const byQuestion: Record<string, { rowIds: Set<string>; optionIds: Set<string>; codes: Set<number> }> = {};
  for (const definition of definitions) {
    for (const question of definition.questions) {
      questionIds.add(question.id);
      const entry = (byQuestion[question.id] ??= { rowIds: new Set(), optionIds: new Set(), codes: new Set() });
      for (const option of optionsOf(question)) {
        entry.optionIds.add(option.id);
        entry.codes.add(option.code);
      }
      if (question.type === "likert_battery") for (const row of question.rows) entry.rowIds.add(row.id);
    }
  }
  return {
    questionIds: [...questionIds],
    byQuestion: Object.fromEntries(
      Object.entries(byQuestion).map(([id, e]) => [id, { rowIds: [...e.rowIds], optionIds: [...e.optionIds], codes: [...e.codes] }]),
    ),
  };
}

/** The next `<prefix><n>` above every taken id of that form: q1, q2 … or s1, s2 … */
export function nextSlugId(prefix: string, taken: Iterable<string>): string {
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  let highest = 0;
  for (const id of taken) {
    const match = pattern.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}${highest + 1}`;
}

/** The next code above every taken one (codes start at 1). */
export function nextCode(taken: Iterable<number>): number {
  let highest = 0;
  for (const code of taken) highest = Math.max(highest, code);
  return highest + 1;
}
