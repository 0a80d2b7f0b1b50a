import type { Translate } from "@/lib/i18n/translator";
import type { LocalizedText } from "@/lib/surveys/definition";
import { resolveMaxDiffDesignOptions, scoreMaxDiffRespondent } from "@/lib/surveys/maxdiff";
import { designInputOf, maxDiffSetsOf, type MaxDiffQuestion, type MaxDiffStoredAnswer } from "@/lib/surveys/maxdiff-question";
import type { CsvValue } from "./csv";
import type { ExportColumn, ExportRowContext } from "./export-columns";

/** sets[version][set] of the survey version a response answered, when it differs from the current design. */
export type MaxDiffSetsOf = (questionId: string, versionId: string | undefined) => string[][][] | undefined;

function storedAnswer(answer: unknown): MaxDiffStoredAnswer | undefined {
  const value = answer as Partial<MaxDiffStoredAnswer> | undefined;
  return value && typeof value === "object" && Number.isInteger(value.version) && Array.isArray(value.choices) ? (value as MaxDiffStoredAnswer) : undefined;
}

/**
 * A MaxDiff question spread for analysis: the design version, per set the item picked most and
 * least (item codes, or labels), and per item the respondent's counting score
 * (times best − times worst) / times shown, in [−1, 1], scored on the sets of the version answered.
 */
export function maxDiffColumns(
  question: MaxDiffQuestion,
  base: { questionId: string; questionType: string; text: string },
  text: (value: LocalizedText | undefined) => string,
  t: Translate,
  setsOf: MaxDiffSetsOf,
): ExportColumn[] {
  const codeOf = new Map(question.items.map((item) => [item.id, item]));
  const current = () => maxDiffSetsOf(question);
  const setsFor = (row: ExportRowContext | undefined) => setsOf(question.id, row?.versionId) ?? current();
  // The score columns read one answer many times (once per item): score it once.
  const scored = new WeakMap<object, Map<string, number | null>>();
  const scoresOf = (answer: MaxDiffStoredAnswer, row: ExportRowContext | undefined) => {
    let scores = scored.get(answer);
    if (!scores) {
      const sets = setsFor(row)[answer.version];
      scores = new Map();
      if (sets) {
        const itemIds = [...new Set(sets.flat())];
        const valid = answer.choices.filter((c) => sets[c.setIndex]?.includes(c.best) && sets[c.setIndex]?.includes(c.worst));
        for (const entry of scoreMaxDiffRespondent(itemIds, { sets, answer: valid })) scores.set(entry.itemId, entry.score);
      }
      scored.set(answer, scores);
    }
    return scores;
  };
  const itemValue = (itemId: string | undefined, labels: boolean): CsvValue => {
    if (!itemId) return undefined;
    const item = codeOf.get(itemId);
    if (!item) return itemId;
    return labels ? text(item.label) || item.id : item.code;
  };
  const setCount = resolveMaxDiffDesignOptions(designInputOf(question)).sets;
  const columns: ExportColumn[] = [
    { ...base, name: `${question.id}_version`, partId: "version", text: `${base.text} — ${t("exportTexts.maxDiffVersion")}`, read: (answer) => storedAnswer(answer)?.version },
  ];
  for (let set = 0; set < setCount; set++) {
    for (const side of ["best", "worst"] as const) {
      columns.push({
        ...base,
        name: `${question.id}_set${set + 1}_${side}`,
        partId: `set${set + 1}_${side}`,
        text: `${base.text} — ${t(side === "best" ? "exportTexts.maxDiffBest" : "exportTexts.maxDiffWorst", { set: set + 1 })}`,
        codes: question.items,
        read: (answer, labels) => itemValue(storedAnswer(answer)?.choices.find((choice) => choice.setIndex === set)?.[side], labels),
      });
    }
  }
  for (const item of question.items) {
    columns.push({
      ...base,
      name: `${question.id}_${item.id}_score`,
      partId: `${item.id}_score`,
      text: `${base.text} — ${text(item.label)} — ${t("exportTexts.maxDiffScore")}`,
      read: (answer, _labels, row) => {
        const stored = storedAnswer(answer);
        if (!stored) return undefined;
        const score = scoresOf(stored, row).get(item.id);
        return score === null || score === undefined ? undefined : Math.round(score * 1e4) / 1e4;
      },
    });
  }
  return columns;
}
