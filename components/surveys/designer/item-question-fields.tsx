"use client";

import { useI18n } from "@/components/i18n-provider";
import { LocalizedField } from "./localized-field";
import { NumberField } from "./number-field";
import { OptionListFields } from "./option-list-fields";

/** Ranking and constant sum: a list of items, and how many to rank or how many points to divide. */

function ItemList({ index }: { index: number }) {
  const { t } = useI18n();
  return (
    <OptionListFields
      index={index}
      list="items"
      minCount={2}
      texts={{ legend: t("questions.itemsLegend"), label: (n) => t("questions.itemN", { n }), add: t("questions.addItem"), remove: (n) => t("questions.removeItem", { n }) }}
    />
  );
}

export function RankingFields({ index }: { index: number }) {
  const { t } = useI18n();
  return (
    <div className="space-y-4">
      <LocalizedField name={`questions.${index}.text`} label={t("survey.questionText")} />
      <ItemList index={index} />
      <NumberField name={`questions.${index}.topN`} label={t("questions.topN")} hint={t("questions.topNHint")} optional step="1" />
    </div>
  );
}

export function ConstantSumFields({ index }: { index: number }) {
  const { t } = useI18n();
  return (
    <div className="space-y-4">
      <LocalizedField name={`questions.${index}.text`} label={t("survey.questionText")} />
      <ItemList index={index} />
      <NumberField name={`questions.${index}.total`} label={t("questions.total")} step="1" />
    </div>
  );
}
