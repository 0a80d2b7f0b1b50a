"use client";

import { useI18n } from "@/components/i18n-provider";
import { buttonClass } from "@/components/ui/button-class";
import { SelectField } from "@/components/ui/field";
import { LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import type { TResponseListFilters } from "@/lib/responses/schemas";

/** Downloads straight from the streaming export endpoint (the session names the workspace), with the list's filters. */
type Props = { surveyId: string; workspaceSlug: string; filters: TResponseListFilters; languages: readonly Locale[]; defaultLanguage: Locale };

export function ExportForm({ surveyId, workspaceSlug, filters, languages, defaultLanguage }: Props) {
  const { t } = useI18n();
  return (
    <form method="get" action={`/api/v1/surveys/${surveyId}/responses/export`} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="workspace" value={workspaceSlug} />
      {Object.entries(filters).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
      <div className="w-48">
        <SelectField label={t("responses.exportFormat")} name="format" defaultValue="csv">
          <option value="csv">{t("responses.formatCsv")}</option>
          <option value="json">{t("responses.formatJson")}</option>
          <option value="codebook">{t("responses.formatCodebook")}</option>
        </SelectField>
      </div>
      {languages.length > 1 && (
        <div className="w-56">
          <SelectField label={t("exportTexts.language")} name="lang" defaultValue={defaultLanguage}>
            {languages.map((code) => (
              <option key={code} value={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <label className="flex items-center gap-2 py-2 text-sm text-slate-800">
        <input type="checkbox" name="labels" value="1" className="h-4 w-4 accent-indigo-700" />
        {t("responses.exportLabels")}
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        {t("responses.download")}
      </button>
    </form>
  );
}
