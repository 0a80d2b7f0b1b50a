import type { Database } from "@/db/client";
import { maxDiffRespondentCounts, maxDiffTaskCounts } from "@/db/queries/maxdiff-summaries";
import { listVersionDefinitions } from "@/db/queries/surveys";
import type { LocalizedText, SurveyDefinition } from "./definition";
import { countMaxDiffTasks, fitMaxDiffLogit, maxDiffPreferenceShares, resolveMaxDiffDesignOptions, type MaxDiffTask } from "./maxdiff";
import { designInputOf, maxDiffSetsOf, type MaxDiffQuestion } from "./maxdiff-question";

export type MaxDiffSummary = {
  id: string;
  type: "maxdiff";
  text: string;
  respondents: number;
  /** Sorted by preference share, highest first. */
  items: { id: string; label: string; shown: number; best: number; worst: number; bestMinusWorst: number; score: number | null; share: number | null }[];
};

type Text = (value: LocalizedText | undefined) => string;
type TaskRow = Awaited<ReturnType<typeof maxDiffTaskCounts>>[number];

/**
 * Turns grouped task counts into logit tasks. Each survey version's own design gives the sets
 * (an edited question has a new design), and rows that do not fit it are skipped.
 */
function tasksOf(rows: TaskRow[], questionByVersion: Map<string, MaxDiffQuestion | undefined>): MaxDiffTask[] {
  const tasks: MaxDiffTask[] = [];
  for (const row of rows) {
    const question = questionByVersion.get(row.versionId);
    const items = question ? maxDiffSetsOf(question)[row.version]?.[row.setIndex] : undefined;
    if (!items || row.best === row.worst || !items.includes(row.best) || !items.includes(row.worst)) continue;
    tasks.push({ items, best: row.best, worst: row.worst, count: row.n });
  }
  return tasks;
}

/**
 * Per MaxDiff question: best and worst counts (grouped in SQL), times shown, best − worst and
 * the 0–100 preference shares of a pooled best–worst logit fitted on the grouped tasks.
 */
export async function summarizeMaxDiffQuestions(
  db: Database,
  params: { workspaceId: string; surveyId: string; definition: SurveyDefinition; text: Text },
): Promise<Record<string, MaxDiffSummary>> {
  const questions = params.definition.questions.filter((q): q is MaxDiffQuestion => q.type === "maxdiff");
  if (questions.length === 0) return {};
  const scope = { workspaceId: params.workspaceId, surveyId: params.surveyId, questionIds: questions.map((q) => q.id) };
  const [rows, respondents, versions] = await Promise.all([maxDiffTaskCounts(db, scope), maxDiffRespondentCounts(db, scope), listVersionDefinitions(db, scope)]);
  const summaries: Record<string, MaxDiffSummary> = {};
  for (const question of questions) {
    const byVersion = new Map(versions.map((v) => [v.id, v.definition.questions.find((q): q is MaxDiffQuestion => q.id === question.id && q.type === "maxdiff")]));
    const tasks = tasksOf(rows.filter((row) => row.questionId === question.id), byVersion);
    // Items dropped in a later version still take part in the fit; only the current ones are listed.
    const itemIds = [...new Set([...question.items.map((item) => item.id), ...tasks.flatMap((task) => task.items)])];
    const counts = countMaxDiffTasks(itemIds, tasks);
    let shares: number[] | undefined;
    if (tasks.length > 0) {
      const fit = fitMaxDiffLogit({ itemIds, tasks });
      shares = maxDiffPreferenceShares(fit.utilities, resolveMaxDiffDesignOptions(designInputOf(question)).itemsPerSet);
    }
    const items = question.items.map((item) => {
      const i = itemIds.indexOf(item.id);
      const { shown, best, worst, score } = counts[i];
      return { id: item.id, label: params.text(item.label) || item.id, shown, best, worst, bestMinusWorst: best - worst, score, share: shares ? shares[i] : null };
    });
    items.sort((a, b) => (b.share ?? -Infinity) - (a.share ?? -Infinity));
    summaries[question.id] = {
      id: question.id,
      type: "maxdiff",
      text: params.text(question.text),
      respondents: respondents.find((r) => r.questionId === question.id)?.n ?? 0,
      items,
    };
  }
  return summaries;
}
