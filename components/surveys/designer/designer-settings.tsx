"use client";

import { useI18n } from "@/components/i18n-provider";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { useDesignerForm } from "./designer-context";

/** The survey's title in every language, the languages offered and the language the designer edits in. */
export function DesignerSettings({ editLanguage, onEditLanguage }: { editLanguage: Locale; onEditLanguage: (locale: Locale) => void }) {
  const { t } = useI18n();
  const { form, errorOf, languageName } = useDesignerForm();
  return (
    <>
      <Card title={t("survey.titleLegend")}>
        <div className="space-y-3">
          {LOCALES.map((locale) => (
            <TextField key={locale} lang={locale} label={t("survey.titleLabel", { language: languageName(locale) })} error={errorOf(`title.${locale}`)} {...form.register(`title.${locale}`)} />
          ))}
        </div>
      </Card>
      <Card>
        <div className="grid gap-4 sm:grid-cols-3">
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-800">{t("survey.languagesLegend")}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {LOCALES.map((locale) => (
                <label key={locale} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" value={locale} className="h-4 w-4 rounded border-slate-300" {...form.register("languages")} />
                  {languageName(locale)}
                </label>
              ))}
            </div>
            {errorOf("languages") && <p className="mt-1 text-sm text-red-700">{errorOf("languages")}</p>}
          </fieldset>
          <SelectField label={t("survey.defaultLanguage")} error={errorOf("defaultLanguage")} {...form.register("defaultLanguage")}>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {languageName(locale)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("survey.editingLanguage")}
            hint={t("survey.editingLanguageHint")}
            value={editLanguage}
            onChange={(event) => onEditLanguage(event.target.value as Locale)}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {languageName(locale)}
              </option>
            ))}
          </SelectField>
        </div>
        <label className="mt-4 flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" aria-describedby="randomize-questions-hint" className="h-4 w-4 rounded border-slate-300" {...form.register("randomizeQuestions")} />
          {t("surveyLogic.randomizeQuestions")}
        </label>
        <p id="randomize-questions-hint" className="mt-1 text-xs text-slate-600">
          {t("surveyLogic.randomizeQuestionsHint")}
        </p>
      </Card>
    </>
  );
}
