"use client";

import { useWatch } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { nextCode, nextSlugId } from "@/lib/surveys/ids";
import { useDesigner, useDesignerForm } from "./designer-context";
import { LocalizedField } from "./localized-field";
import { NumberField } from "./number-field";
import { OptionListFields } from "./option-list-fields";

type Entry = { id: string; code: number };

/** A multiple-choice question: options, an optional "Other, please specify" and how many may be chosen. */
export function MultipleChoiceFields({ index }: { index: number }) {
  const { t } = useI18n();
  const { reserved } = useDesigner();
  const { form } = useDesignerForm();
  const base = `questions.${index}` as const;
  const other = useWatch({ control: form.control, name: `${base}.other` as never }) as unknown as Entry | undefined;

  const toggleOther = (on: boolean) => {
    if (!on) return form.setValue(`${base}.other` as never, undefined as never, { shouldDirty: true });
    const options = (form.getValues(`${base}.options` as never) ?? []) as unknown as Entry[];
    const used = reserved.byQuestion[form.getValues(`${base}.id`)];
    const id = nextSlugId("other", [...(used?.optionIds ?? []), ...options.map((o) => o.id)]);
    // "Other" is conventionally coded apart from the listed options (97); fall back to the next free code.
    const taken = [...(used?.codes ?? []), ...options.map((o) => o.code)];
    const code = taken.includes(97) ? nextCode(taken) : 97;
    // The option's own texts in every survey language, whatever language the designer is shown in.
    const label = { en: "Other, please specify", fi: "Muu, mikä?", sv: "Annat, nämligen" };
    form.setValue(`${base}.other` as never, { id, code, label } as never, { shouldDirty: true });
  };

  return (
    <div className="space-y-4">
      <LocalizedField name={`${base}.text`} label={t("survey.questionText")} />
      <OptionListFields
        index={index}
        list="options"
        minCount={2}
        texts={{ legend: t("survey.optionsLegend"), label: (n) => t("survey.optionN", { n }), add: t("survey.addOption"), remove: (n) => t("survey.removeOption", { n }) }}
      />
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={Boolean(other)} onChange={(event) => toggleOther(event.target.checked)} />
        {t("questions.offerOther")}
      </label>
      {other && (
        <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
          <LocalizedField name={`${base}.other.label`} label={t("questions.otherLabel")} />
          <NumberField name={`${base}.other.code`} label={t("questions.otherCode")} hint={t("questions.otherCodeHint")} step="1" />
        </div>
      )}
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("questions.selectionsLegend")}</legend>
        <NumberField name={`${base}.minSelections`} label={t("questions.minSelections")} optional step="1" />
        <NumberField name={`${base}.maxSelections`} label={t("questions.maxSelections")} optional step="1" />
      </fieldset>
    </div>
  );
}
