import type { SettingsLine } from "@/lib/customers/import/settings-summary";
import type { Translate } from "@/lib/i18n/translator";

/** Which column fed each field and how the file was read, so a report can be understood later. */
export function ImportSettings({ lines, t }: { lines: SettingsLine[]; t: Translate }) {
  return (
    <section className="space-y-3" aria-labelledby="import-settings-title">
      <h2 id="import-settings-title" className="text-lg font-semibold text-slate-900">
        {t("customerData.settingsTitle")}
      </h2>
      <dl className="grid gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
        {lines.map((line) => (
          <div key={line.label} className="contents">
            <dt className="text-slate-600">{t(line.label)}</dt>
            <dd className="text-slate-900">
              {line.column !== undefined ? (
                <span className="font-mono text-xs">{line.column}</span>
              ) : line.text !== undefined ? (
                line.text
              ) : line.message ? (
                t(line.message)
              ) : (
                <span className="text-slate-500">{t("customerData.notUsed")}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
