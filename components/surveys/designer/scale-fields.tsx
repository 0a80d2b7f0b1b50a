"use client";

import { useWatch } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { useDesignerForm } from "./designer-context";
import { FieldArrayError } from "./likert-battery-fields";
import { LocalizedField } from "./localized-field";

type ScalePoint = { id: string; code: number };

/** The labelled points of a Likert scale, each with its fixed code. */
export function ScaleFields({ index, legend }: { index: number; legend: string }) {
  const { t } = useI18n();
  const { form, errorOf } = useDesignerForm();
  const base = `questions.${index}` as const;
  const scale = (useWatch({ control: form.control, name: `${base}.scale` as never }) ?? []) as unknown as ScalePoint[];
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{legend}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {scale.map((point, pointIndex) => (
          <LocalizedField key={point.id} name={`${base}.scale.${pointIndex}.label`} label={t("survey.scalePointN", { n: pointIndex + 1 })} hint={t("survey.codeN", { code: point.code })} />
        ))}
      </div>
      <FieldArrayError message={errorOf(`${base}.scale`)} />
    </fieldset>
  );
}

/** One Likert statement on a scale. */
export function LikertItemFields({ index }: { index: number }) {
  const { t } = useI18n();
  return (
    <div className="space-y-4">
      <LocalizedField name={`questions.${index}.text`} label={t("survey.questionText")} />
      <ScaleFields index={index} legend={t("questions.scaleLegend")} />
    </div>
  );
}
