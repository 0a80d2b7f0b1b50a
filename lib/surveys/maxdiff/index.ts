/**
 * MaxDiff (best–worst scaling), pure numerics with no I/O.
 *
 * Respondents see several small sets of items and pick the best and the worst of each. Compared with
 * rating scales this forces trade-offs, so it separates items that all rate "very important" and is
 * free of scale-use bias, which is why segmentation studies use it for motives and needs.
 *
 * - Design (`generateMaxDiffDesign`): like Sawtooth's, a balanced-incomplete-block-style plan found by
 *   random starts and swap search: per version every item is shown equally often (within one), never
 *   twice in a set, pairs co-occur as evenly as possible and each item appears at each position about
 *   equally; several versions go to different respondents. Defaults follow Sawtooth's advice: 3–5
 *   items per set and enough sets to show each item about three times.
 *   Consecutive sets share as few items as possible; `maxDiffVersionForKey` picks a respondent's version.
 * - Answers (`maxDiffAnswerSchema`): one best and one different worst item per set, both shown in it.
 * - Scores: per respondent the counting score (best − worst) / shown in [−1, 1]; for the sample,
 *   counts, best-minus-worst shares and a pooled sequential best–worst logit whose utilities are
 *   turned into 0–100 preference shares on Sawtooth's probability scale.
 *
 * References: J. J. Louviere, T. N. Flynn & A. A. J. Marley, "Best-Worst Scaling: Theory, Methods and
 * Applications", Cambridge University Press, 2015; Sawtooth Software, "The MaxDiff System Technical
 * Paper" (2020 and earlier editions).
 */
export {
  defaultItemsPerSet,
  defaultSetCount,
  MAXDIFF_MAX_ITEMS,
  MAXDIFF_MAX_ITEMS_PER_SET,
  MAXDIFF_MAX_SETS,
  MAXDIFF_MAX_VERSIONS,
  resolveMaxDiffDesignOptions,
  type MaxDiffDesignInput,
  type MaxDiffDesignOptions,
} from "./design-options";
export { generateMaxDiffDesign, type MaxDiffDesign, type MaxDiffDesignVersion } from "./design";
export { maxDiffVersionForKey } from "./version-assignment";
export { countAdjacentRepeats } from "./order-sets";
export { diagnoseIndexSets, type MaxDiffDesignDiagnostics, type PairCountSummary } from "./design-diagnostics";
export { maxDiffAnswerSchema, ZMaxDiffChoice, type TMaxDiffAnswer, type TMaxDiffChoice } from "./answer-schema";
export {
  countMaxDiffTasks,
  maxDiffTasks,
  scoreMaxDiffRespondent,
  type MaxDiffItemCounts,
  type MaxDiffRespondentAnswer,
} from "./counts";
export {
  fitMaxDiffLogit,
  maxDiffLogLikelihood,
  maxDiffPreferenceShares,
  type MaxDiffLogitFit,
  type MaxDiffLogitOptions,
  type MaxDiffTask,
} from "./logit";
export { aggregateMaxDiffScores, type MaxDiffAggregate, type MaxDiffAggregateItem } from "./aggregate";
