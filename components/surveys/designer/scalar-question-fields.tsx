"use client";

import { useI18n } from "@/components/i18n-provider";
import { SelectField } from "@/components/ui/field";
import { useDesignerForm } from "./designer-context";
import { LocalizedField } from "./localized-field";
import { CheckboxField, NumberField } from "./number-field";

/** The question types answered with one number or one text: rating, NPS, numeric and open text. */

export function RatingFields({ index }: { index: number }) {
  const { t } = useI18n();
  const { form, errorOf } = useDesignerForm();
  const base = `questions.${index}`;
  return (
    <div className="space-y-4">
      <LocalizedField name={`${base}.text`} label={t("survey.questionText")} />
      <div className="grid gap-3 sm:grid-cols-3">
        <NumberField name={`${base}.min`} label={t("questions.ratingMin")} step="1" />
        <NumberField name={`${base}.max`} label={t("questions.ratingMax")} step="1" />
        <NumberField name={`${base}.step`} label={t("questions.ratingStep")} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <LocalizedField name={`${base}.minLabel`} label={t("questions.minLabel")} />
        <LocalizedField name={`${base}.maxLabel`} label={t("questions.maxLabel")} />
      </div>
      <SelectField label={t("questions.display")} error={errorOf(`${base}.display`)} {...form.register(`${base}.display` as never)}>
        <option value="buttons">{t("questions.display_buttons")}</option>
        <option value="slider">{t("questions.display_slider")}</option>
      </SelectField>
    </div>
  );
}

export function NpsFields({ index }: { index: number }) {
  const { t } = useI18n();
  return (
    <div className="space-y-2">
      <LocalizedField name={`questions.${index}.text`} label={t("survey.questionText")} />
      <p className="text-sm text-slate-600">{t("questions.npsHint")}</p>
    </div>
  );
}

export function NumericFields({ index }: { index: number }) {
  const { t } = useI18n();
  const base = `questions.${index}`;
  return (
    <div className="space-y-4">
      <LocalizedField name={`${base}.text`} label={t("survey.questionText")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <NumberField name={`${base}.min`} label={t("questions.numericMin")} optional />
        <NumberField name={`${base}.max`} label={t("questions.numericMax")} optional />
      </div>
      <CheckboxField name={`${base}.integer`} label={t("questions.integerOnly")} />
    </div>
  );
}

export function OpenTextFields({ index }: { index: number }) {
  const { t } = useI18n();
  const base = `questions.${index}`;
  return (
    <div className="space-y-4">
      <LocalizedField name={`${base}.text`} label={t("survey.questionText")} />
      <NumberField name={`${base}.maxLength`} label={t("questions.maxLength")} hint={t("questions.plainTextHint")} step="1" />
      <CheckboxField name={`${base}.multiline`} label={t("questions.multiline")} />
    </div>
  );
}
