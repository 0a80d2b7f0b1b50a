import type { SnapshotSummary } from "@/db/queries/customer-metrics";
import type { TCustomerMetricSettings } from "@/lib/customers/metrics/schemas";
import type { Translate } from "@/lib/i18n/translator";
import { formatNumber } from "./format";

type Props = {
  t: Translate;
  locale: string;
  summary: SnapshotSummary;
  computedAt: Date;
  settings: TCustomerMetricSettings;
  history: { id: string; referenceDate: string; computedAt: Date; summary: SnapshotSummary | null }[];
};

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900">{value}</dd>
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

/** The snapshot header: what was computed when, the totals, how scores are given, and earlier snapshots. */
export function SnapshotSummaryView({ t, locale, summary, computedAt, settings, history }: Props) {
  const bandRows = [1, 2, 3, 4, 5].map((score) => ({
    score,
    r: summary.bands.r.find((b) => b.score === score),
    f: summary.bands.f.find((b) => b.score === score),
    m: summary.bands.m.find((b) => b.score === score),
  }));
  const range = (band?: { min: number; max: number; count: number }, digits = 0) =>
    band ? `${formatNumber(locale, band.min, digits)} – ${formatNumber(locale, band.max, digits)} (${formatNumber(locale, band.count)})` : "–";
  return (
    <section aria-label={t("customerMetrics.referenceDate")} className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8">
        <Stat label={t("customerMetrics.referenceDate")} value={summary.referenceDate} />
        <Stat label={t("customerMetrics.computedAt")} value={computedAt.toLocaleString(locale, { dateStyle: "short", timeStyle: "short" })} />
        <Stat label={t("customerMetrics.customers")} value={formatNumber(locale, summary.customers)} />
        <Stat label={t("customerMetrics.buyers")} value={formatNumber(locale, summary.buyers)} />
        <Stat label={t("customerMetrics.invoices")} value={formatNumber(locale, summary.invoices)} />
        <Stat label={t("customerMetrics.revenue")} value={formatNumber(locale, summary.revenue, 2)} />
        <Stat
          label={t("customerMetrics.arpu")}
          value={summary.arpu.value === null ? "–" : formatNumber(locale, summary.arpu.value, 2)}
          hint={t("customerMetrics.arpuHint", { months: summary.arpu.months })}
        />
        <Stat label={t("customerMetrics.churned")} value={formatNumber(locale, summary.churned)} hint={t("customerMetrics.churnedHint", { days: settings.churnDays })} />
      </dl>
      <div className="rounded-lg border border-indigo-100 bg-indigo-50 p-4 text-sm text-slate-800">
        <h2 className="font-semibold">{t("customerMetrics.tieRuleTitle")}</h2>
        <p className="mt-1">{t(settings.scoreMethod === "upper" ? "customerMetrics.tieRuleUpper" : "customerMetrics.tieRuleLower")}</p>
        <table className="mt-3 text-xs">
          <caption className="text-left font-medium text-slate-700">{t("customerMetrics.bandsCaption")}</caption>
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="pr-4">{t("customerMetrics.score")}</th>
              <th scope="col" className="pr-4">R · {t("customerMetrics.recency")}</th>
              <th scope="col" className="pr-4">F · {t("customerMetrics.frequency")}</th>
              <th scope="col">M · {t("customerMetrics.monetary")}</th>
            </tr>
          </thead>
          <tbody>
            {bandRows.map((row) => (
              <tr key={row.score}>
                <th scope="row" className="pr-4 text-left">{row.score}</th>
                <td className="pr-4">{range(row.r)}</td>
                <td className="pr-4">{range(row.f)}</td>
                <td>{range(row.m, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history.length > 1 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">{t("customerMetrics.historyTitle")} ({history.length})</summary>
          <table className="mt-2 text-xs">
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="pr-4">{t("customerMetrics.computedAt")}</th>
                <th scope="col" className="pr-4">{t("customerMetrics.referenceDate")}</th>
                <th scope="col" className="pr-4">{t("customerMetrics.customers")}</th>
                <th scope="col">{t("customerMetrics.revenue")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((s) => (
                <tr key={s.id}>
                  <td className="pr-4">{s.computedAt.toLocaleString(locale, { dateStyle: "short", timeStyle: "short" })}</td>
                  <td className="pr-4">{s.referenceDate}</td>
                  <td className="pr-4">{s.summary ? formatNumber(locale, s.summary.customers) : "–"}</td>
                  <td>{s.summary ? formatNumber(locale, s.summary.revenue, 2) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
