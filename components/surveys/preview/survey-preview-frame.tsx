"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n-provider";
import { LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";

type Props = { frameUrl: string; languages: Locale[]; defaultLanguage: Locale };

const toggleClass = (pressed: boolean) =>
  `rounded-md px-3 py-1.5 text-sm font-medium ${pressed ? "bg-indigo-700 text-white" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`;

/**
 * The respondent page in an iframe, so its own breakpoints apply: a 375 px phone frame or the
 * full width, in any of the survey's languages.
 */
export function SurveyPreviewFrame({ frameUrl, languages, defaultLanguage }: Props) {
  const { t } = useI18n();
  const [device, setDevice] = useState<"phone" | "desktop">("desktop");
  const [language, setLanguage] = useState<Locale>(defaultLanguage);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-4">
        <div role="group" aria-label={t("surveyPages.screenSize")} className="flex gap-1">
          {(["phone", "desktop"] as const).map((size) => (
            <button key={size} type="button" aria-pressed={device === size} onClick={() => setDevice(size)} className={toggleClass(device === size)}>
              {t(`surveyPages.${size}`)}
            </button>
          ))}
        </div>
        {languages.length > 1 && (
          <div role="group" aria-label={t("survey.language")} className="flex gap-1">
            {languages.map((locale) => (
              <button key={locale} type="button" lang={locale} aria-pressed={language === locale} onClick={() => setLanguage(locale)} className={toggleClass(language === locale)}>
                {LOCALE_NAMES[locale]}
              </button>
            ))}
          </div>
        )}
      </div>
      <div className={device === "phone" ? "flex justify-center rounded-lg bg-slate-200 p-4" : ""}>
        <iframe
          // A new language is a new page load, like the respondent's language links.
          key={language}
          src={`${frameUrl}?lang=${language}`}
          title={t("surveyPages.frameTitle")}
          data-device={device}
          style={{ width: device === "phone" ? 375 : "100%" }}
          className="h-[75vh] max-w-full rounded-lg border border-slate-300 bg-slate-50"
        />
      </div>
    </div>
  );
}
