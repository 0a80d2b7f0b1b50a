"use client";

import { useFieldArray, useWatch } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { nextSlugId } from "@/lib/surveys/ids";
import { blankTexts } from "@/lib/surveys/question-templates";
import { useDesigner, useDesignerForm } from "./designer-context";
import { LocalizedField } from "./localized-field";
import { AttentionCheckField } from "@/components/responses/attention-check-field";

type Row = { id: string };
type ScalePoint = { id: string; code: number };

/** A Likert battery: question text, statements (add/remove) and one shared, labelled scale. */
export function LikertBatteryFields({ index }: { index: number }) {
  const { t } = useI18n();
  const { reserved } = useDesigner();
  const { form, errorOf } = useDesignerForm();
  const base = `questions.${index}` as const;
  const questionId = useWatch({ control: form.control, name: `${base}.id` });
  const rows = useFieldArray({ control: form.control, name: `${base}.rows` });
  const scale: ScalePoint[] = useWatch({ control: form.control, name: `${base}.scale` }) ?? [];

  const addStatement = () => {
    const current: Row[] = form.getValues(`${base}.rows`) ?? [];
    const taken = [...(reserved.byQuestion[questionId]?.rowIds ?? []), ...current.map((row) => row.id)];
    rows.append({ id: nextSlugId("s", taken), text: blankTexts() });
  };

  return (
    <div className="space-y-4">
      <LocalizedField name={`${base}.text`} label={t("survey.questionText")} />
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("survey.statementsLegend")}</legend>
        {rows.fields.map((field, rowIndex) => (
          <div key={field.id} className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              <LocalizedField name={`${base}.rows.${rowIndex}.text`} label={t("survey.statementN", { n: rowIndex + 1 })} />
              <AttentionCheckField name={`${base}.rows.${rowIndex}.attentionCheck`} choices={scale} subject={t("survey.statementN", { n: rowIndex + 1 })} />
            </div>
            <Button
              variant="ghost"
              className="mt-6"
              aria-label={t("survey.removeStatement", { n: rowIndex + 1 })}
              title={t("survey.removeStatement", { n: rowIndex + 1 })}
              disabled={rows.fields.length <= 1}
              onClick={() => rows.remove(rowIndex)}
            >
              ✕
            </Button>
          </div>
        ))}
        <FieldArrayError message={errorOf(`${base}.rows`)} />
        <Button variant="secondary" onClick={addStatement}>
          {t("survey.addStatement")}
        </Button>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("survey.scaleLegend")}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {scale.map((point, pointIndex) => (
            <LocalizedField
              key={point.id}
              name={`${base}.scale.${pointIndex}.label`}
              label={t("survey.scalePointN", { n: pointIndex + 1 })}
              hint={t("survey.codeN", { code: point.code })}
            />
          ))}
        </div>
        <FieldArrayError message={errorOf(`${base}.scale`)} />
      </fieldset>
    </div>
  );
}

export function FieldArrayError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="text-sm text-red-700">
      {message}
    </p>
  );
}
