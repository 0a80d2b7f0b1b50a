"use client";

import { createContext, useContext, type ReactNode } from "react";
import { get, useFormContext, useWatch, type FieldError } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import type { Locale } from "@/lib/i18n/locales";
import type { ReservedIds } from "@/lib/surveys/ids";
import type { SurveyDefinitionInput } from "@/lib/surveys/definition";

/** What every part of the designer needs besides the form: the language being edited and the ids already used. */
type DesignerContextValue = { editLanguage: Locale; reserved: ReservedIds };

const DesignerContext = createContext<DesignerContextValue | null>(null);

export function DesignerProvider({ value, children }: { value: DesignerContextValue; children: ReactNode }) {
  return <DesignerContext.Provider value={value}>{children}</DesignerContext.Provider>;
}

export function useDesigner() {
  const value = useContext(DesignerContext);
  if (!value) throw new Error("useDesigner must be used inside DesignerProvider");
  return value;
}

/** The designer form; paths are built from indexes at run time, so they are typed as plain strings. */
export function useDesignerForm() {
  const form = useFormContext<SurveyDefinitionInput>();
  const { t } = useI18n();
  const errorOf = (path: string): string | undefined => {
    const error = get(form.formState.errors, path) as (FieldError & { root?: FieldError }) | undefined;
    return error?.message ?? error?.root?.message;
  };
  const defaultLanguage = useWatch({ control: form.control, name: "defaultLanguage" }) as Locale;
  const languageName = (locale: Locale) => t(`survey.languageName_${locale}`);
  return { form, errorOf, defaultLanguage, languageName };
}
