"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/actions/locale";
import { useI18n } from "@/components/i18n-provider";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

export function LanguageSwitcher() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      <span className="sr-only">{t("shell.language")}</span>
      <select
        aria-label={t("shell.language")}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        value={locale}
        disabled={pending}
        onChange={(event) =>
          startTransition(async () => {
            await setLocaleAction(event.target.value as Locale);
            router.refresh();
          })
        }
      >
        {LOCALES.map((code) => (
          <option key={code} value={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
