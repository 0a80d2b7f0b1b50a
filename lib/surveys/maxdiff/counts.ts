import type { TMaxDiffAnswer } from "./answer-schema";
import type { MaxDiffTask } from "./logit";

/** What one respondent saw (their version's sets) and answered. */
export interface MaxDiffRespondentAnswer {
  sets: readonly (readonly string[])[];
  answer: TMaxDiffAnswer;
}

export interface MaxDiffItemCounts {
  itemId: string;
  shown: number;
  best: number;
  worst: number;
  /** (best − worst) / shown, in [−1, 1]; null when the item was never shown. */
  score: number | null;
}

/** The answered sets as logit tasks; the answer is assumed to have passed maxDiffAnswerSchema. */
export function maxDiffTasks({ sets, answer }: MaxDiffRespondentAnswer): MaxDiffTask[] {
  return answer.map((choice) => ({ items: sets[choice.setIndex], best: choice.best, worst: choice.worst }));
}

/** Best, worst and shown tallies per item over any number of tasks, aligned with itemIds. */
export function countMaxDiffTasks(itemIds: readonly string[], tasks: readonly MaxDiffTask[]): MaxDiffItemCounts[] {
  const counts = new Map(itemIds.map((itemId) => [itemId, { itemId, shown: 0, best: 0, worst: 0, score: null as number | null }]));
  const get = (itemId: string) => {
    const entry = counts.get(itemId);
    if (!entry) throw new Error(`MaxDiff answer mentions unknown item "${itemId}"`);
    return entry;
  };
  for (const task of tasks) {
    const times = task.count ?? 1;
    for (const itemId of task.items) get(itemId).shown += times;
    get(task.best).best += times;
    get(task.worst).worst += times;
  }
  for (const entry of counts.values()) entry.score = entry.shown > 0 ? (entry.best - entry.worst) / entry.shown : null;
  return [...counts.values()];
}

/**
 * A respondent's counting scores: (times best − times worst) / times shown per item, in [−1, 1].
 * With a balanced design this is a good individual-level estimate (Louviere, Flynn & Marley 2015, ch. 2)
 * and needs no model.
 */
export function scoreMaxDiffRespondent(itemIds: readonly string[], respondent: MaxDiffRespondentAnswer): MaxDiffItemCounts[] {
  return countMaxDiffTasks(itemIds, maxDiffTasks(respondent));
}
