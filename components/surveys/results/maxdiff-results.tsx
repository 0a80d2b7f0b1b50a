import type { Translate } from "@/lib/i18n/translator";
import type { MaxDiffSummary } from "@/lib/surveys/maxdiff-summary";
import { dash, ResultTable, type Formats } from "./result-table";

/** MaxDiff per item, most preferred first: best and worst counts, best − worst and the 0–100 preference share. */
export function MaxDiffResults({ summary, t, f }: { summary: MaxDiffSummary; t: Translate; f: Formats }) {
  return (
    <ResultTable
      caption={t("maxdiff.resultsCaption", { count: summary.respondents })}
      columns={[t("maxdiff.colItem"), t("maxdiff.colBest"), t("maxdiff.colWorst"), t("maxdiff.colBestMinusWorst"), t("maxdiff.colShare")]}
      rows={summary.items.map((item) => ({ key: item.id, head: item.label, cells: [item.best, item.worst, item.bestMinusWorst, dash(item.share, f.number)] }))}
    />
  );
}
