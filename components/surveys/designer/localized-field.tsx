"use client";

import { useWatch } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { TextField } from "@/components/ui/field";
import { useDesigner, useDesignerForm } from "./designer-context";

/**
 * A text of the survey in the language being edited. Translations show the default-language
 * text as a hint; the input is remounted per language so no value leaks between languages.
 */
export function LocalizedField({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { t } = useI18n();
  const { editLanguage } = useDesigner();
  const { form, errorOf, defaultLanguage, languageName } = useDesignerForm();
  const defaultText = useWatch({ control: form.control, name: `${name}.${defaultLanguage}` as never }) as string | undefined;
  const translating = editLanguage !== defaultLanguage;
  const hints = [hint, translating && defaultText ? t("survey.defaultTextHint", { language: languageName(defaultLanguage), text: defaultText }) : undefined];
  return (
    <TextField
      key={editLanguage}
      label={label}
      lang={editLanguage}
      hint={hints.filter(Boolean).join(" · ") || undefined}
      error={errorOf(`${name}.${editLanguage}`)}
      {...form.register(`${name}.${editLanguage}` as never)}
    />
  );
}
