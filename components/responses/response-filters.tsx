"use client";

import { useI18n } from "@/components/i18n-provider";
import { buttonClass } from "@/components/ui/button-class";
import { SelectField } from "@/components/ui/field";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { QUALITY_FLAGS } from "@/lib/responses/quality";
import type { TResponseListFilters } from "@/lib/responses/schemas";

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and paged. */
export function ResponseFilters({ filters, channels, clearHref }: { filters: TResponseListFilters; channels: string[]; clearHref: string }) {
  const { t } = useI18n();
  return (
    <form method="get" aria-label={t("responses.filtersLegend")} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <SelectField label={t("responses.filterStatus")} name="status" defaultValue={filters.status ?? ""}>
        <option value="">{t("responses.all")}</option>
        <option value="complete">{t("responses.status_complete")}</option>
        <option value="partial">{t("responses.status_partial")}</option>
      </SelectField>
      <SelectField label={t("responses.filterChannel")} name="channel" defaultValue={filters.channel ?? ""}>
        <option value="">{t("responses.all")}</option>
        {channels.map((channel) => (
          <option key={channel} value={channel}>
            {channel}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("responses.filterFlags")} name="flag" defaultValue={filters.flag ?? ""}>
        <option value="">{t("responses.all")}</option>
        <option value="any">{t("responses.flag_any")}</option>
        <option value="none">{t("responses.flag_none")}</option>
        {QUALITY_FLAGS.map((flag) => (
          <option key={flag} value={flag}>
            {t(`responses.flag_${flag}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("responses.filterLanguage")} name="language" defaultValue={filters.language ?? ""}>
        <option value="">{t("responses.all")}</option>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </SelectField>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          {t("responses.applyFilters")}
        </button>
        <a href={clearHref} className={buttonClass("ghost")}>
          {t("responses.clearFilters")}
        </a>
      </div>
    </form>
  );
}
