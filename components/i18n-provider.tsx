"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor, type Dictionary, type Translate } from "@/lib/i18n/translator";

const I18nContext = createContext<{ locale: Locale; t: Translate } | null>(null);

/** Gives client components the texts of the current language, passed down from the server layout. */
export function I18nProvider({ locale, dictionary, children }: { locale: Locale; dictionary: Dictionary; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translatorFor(dictionary) }), [locale, dictionary]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside I18nProvider");
  return value;
}
