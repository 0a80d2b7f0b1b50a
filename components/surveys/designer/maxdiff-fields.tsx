"use client";

import { useParams } from "next/navigation";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { previewMaxDiffDesignAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/survey/maxdiff-actions";
import { useI18n } from "@/components/i18n-provider";
import { ResultTable } from "@/components/surveys/results/result-table";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { defaultItemsPerSet, defaultSetCount, MAXDIFF_MAX_SETS } from "@/lib/surveys/maxdiff";
import type { MaxDiffDesignPreview } from "@/lib/surveys/maxdiff-question";
import { useDesigner, useDesignerForm } from "./designer-context";
import { LocalizedField } from "./localized-field";
import { NumberField } from "./number-field";
import { OptionListFields } from "./option-list-fields";

type Entry = { id: string; label?: Record<string, string | undefined> };
const numberOrUndefined = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/** A MaxDiff question: the items, the design sizes (defaults shown as hints), the seed, and a preview of the design's balance. */
export function MaxDiffFields({ index }: { index: number }) {
  const { t } = useI18n();
  const { editLanguage } = useDesigner();
  const { form } = useDesignerForm();
  const { workspace } = useParams<{ workspace: string }>();
  const base = `questions.${index}`;
  const items = (useWatch({ control: form.control, name: `${base}.items` as never }) ?? []) as unknown as Entry[];
  const itemsPerSet = numberOrUndefined(useWatch({ control: form.control, name: `${base}.itemsPerSet` as never }));
  const [preview, setPreview] = useState<{ data: MaxDiffDesignPreview; labels: string[] }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const n = Math.max(items.length, 3);
  const perSetDefault = defaultItemsPerSet(n);
  const setsDefault = Math.min(MAXDIFF_MAX_SETS, defaultSetCount(n, itemsPerSet ?? perSetDefault));

  const onPreview = async () => {
    const values = form.getValues(base as never) as unknown as Record<string, unknown>;
    setBusy(true);
    setError(undefined);
    const input = {
      itemIds: items.map((item) => item.id),
      itemsPerSet: numberOrUndefined(values.itemsPerSet),
      sets: numberOrUndefined(values.sets),
      versions: numberOrUndefined(values.versions),
      seed: values.seed,
    };
    try {
      const result = await previewMaxDiffDesignAction(workspace, input);
      if (result.ok) setPreview({ data: result.data, labels: items.map((item, i) => item.label?.[editLanguage] || t("maxdiff.itemN", { n: i + 1 })) });
      else {
        setPreview(undefined);
        setError(Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.error);
      }
    } finally {
      setBusy(false);
    }
  };

  const format = (value: number) => (Math.round(value * 100) / 100).toString();
  return (
    <div className="space-y-4">
      <LocalizedField name={`${base}.text`} label={t("survey.questionText")} />
      <OptionListFields
        index={index}
        list="items"
        minCount={3}
        texts={{ legend: t("maxdiff.itemsLegend"), label: (k) => t("maxdiff.itemN", { n: k }), add: t("maxdiff.addItem"), remove: (k) => t("maxdiff.removeItem", { n: k }) }}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField name={`${base}.itemsPerSet`} label={t("maxdiff.itemsPerSet")} hint={t("maxdiff.itemsPerSetHint", { value: perSetDefault })} optional step="1" />
        <NumberField name={`${base}.sets`} label={t("maxdiff.sets")} hint={t("maxdiff.setsHint", { value: setsDefault })} optional step="1" />
        <NumberField name={`${base}.versions`} label={t("maxdiff.versions")} hint={t("maxdiff.versionsHint", { value: 10 })} optional step="1" />
        <NumberField name={`${base}.seed`} label={t("maxdiff.seed")} hint={t("maxdiff.seedHint")} step="1" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <LocalizedField name={`${base}.bestLabel`} label={t("maxdiff.bestLabel")} hint={t("maxdiff.defaultBest")} />
        <LocalizedField name={`${base}.worstLabel`} label={t("maxdiff.worstLabel")} hint={t("maxdiff.defaultWorst")} />
      </div>
      <Button variant="secondary" onClick={onPreview} disabled={busy}>
        {busy ? t("maxdiff.previewing") : t("maxdiff.previewDesign")}
      </Button>
      <FormError message={error} />
      {preview && (
        <div className="space-y-2 overflow-x-auto" aria-live="polite">
          <p className="text-sm text-slate-700">{t("maxdiff.perRespondent", { min: preview.data.perRespondent.min, max: preview.data.perRespondent.max })}</p>
          <p className="text-sm text-slate-700">
            {t("maxdiff.pairBalance", {
              min: preview.data.pairCounts.min,
              max: preview.data.pairCounts.max,
              mean: format(preview.data.pairCounts.mean),
              std: format(preview.data.pairCounts.std),
            })}
          </p>
          <ResultTable
            caption={t("maxdiff.previewCaption", { versions: preview.data.versions, sets: preview.data.sets, perSet: preview.data.itemsPerSet })}
            columns={[t("maxdiff.colItem"), t("maxdiff.colShown")]}
            rows={preview.labels.map((label, i) => ({ key: String(i), head: label, cells: [preview.data.timesShown[i]] }))}
          />
        </div>
      )}
    </div>
  );
}
