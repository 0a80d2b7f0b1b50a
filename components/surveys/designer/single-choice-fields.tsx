"use client";

import { useFieldArray, useWatch } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { nextCode, nextSlugId } from "@/lib/surveys/ids";
import { blankTexts } from "@/lib/surveys/question-templates";
import { useDesigner, useDesignerForm } from "./designer-context";
import { FieldArrayError } from "./likert-battery-fields";
import { LocalizedField } from "./localized-field";
import { AttentionCheckField } from "@/components/responses/attention-check-field";

type Option = { id: string; code: number };

/** A single-choice question: text and options, each with a code that never changes once given. */
export function SingleChoiceFields({ index }: { index: number }) {
  const { t } = useI18n();
  const { reserved } = useDesigner();
  const { form, errorOf } = useDesignerForm();
  const base = `questions.${index}` as const;
  const questionId = useWatch({ control: form.control, name: `${base}.id` });
  const options = useFieldArray({ control: form.control, name: `${base}.options` });
  const values: Option[] = useWatch({ control: form.control, name: `${base}.options` }) ?? [];

  const addOption = () => {
    const current: Option[] = form.getValues(`${base}.options`) ?? [];
    const used = reserved.byQuestion[questionId];
    const id = nextSlugId("o", [...(used?.optionIds ?? []), ...current.map((o) => o.id)]);
    const code = nextCode([...(used?.codes ?? []), ...current.map((o) => o.code)]);
    options.append({ id, code, label: blankTexts() });
  };

  return (
    <div className="space-y-4">
      <LocalizedField name={`${base}.text`} label={t("survey.questionText")} />
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("survey.optionsLegend")}</legend>
        {options.fields.map((field, optionIndex) => (
          <div key={field.id} className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              <LocalizedField
                name={`${base}.options.${optionIndex}.label`}
                label={t("survey.optionN", { n: optionIndex + 1 })}
                hint={t("survey.codeN", { code: values[optionIndex]?.code ?? "" })}
              />
            </div>
            <Button
              variant="ghost"
              className="mt-6"
              aria-label={t("survey.removeOption", { n: optionIndex + 1 })}
              title={t("survey.removeOption", { n: optionIndex + 1 })}
              disabled={options.fields.length <= 2}
              onClick={() => options.remove(optionIndex)}
            >
              ✕
            </Button>
          </div>
        ))}
        <FieldArrayError message={errorOf(`${base}.options`)} />
        <Button variant="secondary" onClick={addOption}>
          {t("survey.addOption")}
        </Button>
      </fieldset>
      <AttentionCheckField name={`${base}.attentionCheck`} choices={values} subject={t("survey.questionText")} />
    </div>
  );
}
