import { countMaxDiffTasks, maxDiffTasks, scoreMaxDiffRespondent, type MaxDiffRespondentAnswer } from "./counts";
import { fitMaxDiffLogit, maxDiffPreferenceShares, type MaxDiffLogitOptions } from "./logit";

export interface MaxDiffAggregateItem {
  itemId: string;
  shown: number;
  best: number;
  worst: number;
  /** best / shown and worst / shown over all respondents. */
  bestShare: number;
  worstShare: number;
  /** (best − worst) / shown over all respondents, in [−1, 1]. */
  bestMinusWorst: number;
  /** Mean of the respondents' own counting scores (respondents who saw the item). */
  meanRespondentScore: number;
  /** Pooled logit utility, centred on zero. */
  utility: number;
  utilityStandardError: number;
  /** Sawtooth probability-scale share, 0–100, summing to 100 over the items. */
  preferenceShare: number;
}

export interface MaxDiffAggregate {
  respondents: number;
  items: MaxDiffAggregateItem[];
  logit: { logLikelihood: number; iterations: number; converged: boolean };
}

/** Sample-level MaxDiff results: counts, best-minus-worst shares and logit preference shares per item. */
export function aggregateMaxDiffScores(
  input: { itemIds: readonly string[]; respondents: readonly MaxDiffRespondentAnswer[]; itemsPerSet: number } & MaxDiffLogitOptions,
): MaxDiffAggregate {
  const { itemIds, respondents, itemsPerSet, ...logitOptions } = input;
  if (respondents.length === 0) throw new Error("MaxDiff scores need at least one respondent");
  const tasks = respondents.flatMap(maxDiffTasks);
  const counts = countMaxDiffTasks(itemIds, tasks);
  const scoreSums = new Array<number>(itemIds.length).fill(0);
  const scoreCounts = new Array<number>(itemIds.length).fill(0);
  for (const respondent of respondents) {
    scoreMaxDiffRespondent(itemIds, respondent).forEach((entry, i) => {
      if (entry.score === null) return;
      scoreSums[i] += entry.score;
      scoreCounts[i] += 1;
    });
  }
  const fit = fitMaxDiffLogit({ itemIds, tasks, ...logitOptions });
  const shares = maxDiffPreferenceShares(fit.utilities, itemsPerSet);
  return {
    respondents: respondents.length,
    items: counts.map((entry, i) => ({
      itemId: entry.itemId,
      shown: entry.shown,
      best: entry.best,
      worst: entry.worst,
      bestShare: entry.shown > 0 ? entry.best / entry.shown : 0,
      worstShare: entry.shown > 0 ? entry.worst / entry.shown : 0,
      bestMinusWorst: entry.score ?? 0,
      meanRespondentScore: scoreCounts[i] > 0 ? scoreSums[i] / scoreCounts[i] : 0,
      utility: fit.utilities[i],
      utilityStandardError: fit.standardErrors[i],
      preferenceShare: shares[i],
    })),
    logit: { logLikelihood: fit.logLikelihood, iterations: fit.iterations, converged: fit.converged },
  };
}
