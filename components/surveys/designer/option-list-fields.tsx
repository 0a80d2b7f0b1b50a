"use client";

import { useFieldArray, useWatch } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { nextCode, nextSlugId } from "@/lib/surveys/ids";
import { blankTexts } from "@/lib/surveys/question-templates";
import { useDesigner, useDesignerForm } from "./designer-context";
import { FieldArrayError } from "./likert-battery-fields";
import { LocalizedField } from "./localized-field";

type Entry = { id: string; code: number };
type Props = {
  index: number;
  /** The definition field holding the list: a choice question's options or a ranking's / constant sum's items. */
  list: "options" | "items";
  minCount: number;
  texts: { legend: string; label: (n: number) => string; add: string; remove: (n: number) => string };
};

/**
 * A list of labelled entries with ids and codes. New entries take ids and codes never used in
 * any version of the survey (nor by its "other" option), so old answers keep their meaning.
 */
export function OptionListFields({ index, list, minCount, texts }: Props) {
  const { t } = useI18n();
  const { reserved } = useDesigner();
  const { form, errorOf } = useDesignerForm();
  const base = `questions.${index}` as const;
  // Paths are built at run time; typed as one of them so useFieldArray accepts it.
  const name = `${base}.${list}` as "questions.0.options";
  const questionId = useWatch({ control: form.control, name: `${base}.id` });
  const entries = useFieldArray({ control: form.control, name });
  const values: Entry[] = useWatch({ control: form.control, name }) ?? [];

  const addEntry = () => {
    const current: Entry[] = [...(form.getValues(name) ?? [])];
    const other = form.getValues(`${base}.other` as never) as unknown as Entry | undefined;
    if (other) current.push(other);
    const used = reserved.byQuestion[questionId];
    const id = nextSlugId(list === "items" ? "i" : "o", [...(used?.optionIds ?? []), ...current.map((o) => o.id)]);
    const code = nextCode([...(used?.codes ?? []), ...current.map((o) => o.code)]);
    entries.append({ id, code, label: blankTexts() });
  };

  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{texts.legend}</legend>
      {entries.fields.map((field, i) => (
        <div key={field.id} className="flex items-start gap-2">
          <div className="min-w-0 flex-1">
            <LocalizedField name={`${base}.${list}.${i}.label`} label={texts.label(i + 1)} hint={t("survey.codeN", { code: values[i]?.code ?? "" })} />
          </div>
          <Button
            variant="ghost"
            className="mt-6"
            aria-label={texts.remove(i + 1)}
            title={texts.remove(i + 1)}
            disabled={entries.fields.length <= minCount}
            onClick={() => entries.remove(i)}
          >
            ✕
          </Button>
        </div>
      ))}
      <FieldArrayError message={errorOf(`${base}.${list}`)} />
      <Button variant="secondary" onClick={addEntry}>
        {texts.add}
      </Button>
    </fieldset>
  );
}
