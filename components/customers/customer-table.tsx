import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { DataTable } from "@/components/ui/data-table";
import type { CustomerRow } from "@/db/queries/customer-metric-views";
import { ENGAGEMENT_TIERS } from "@/lib/customers/metrics/engagement";
import { RFM_SEGMENTS } from "@/lib/customers/metrics/rfm-map";
import type { Translate } from "@/lib/i18n/translator";
import { formatNumber, segmentLabel, tierLabel } from "./format";

type Props = {
  t: Translate;
  locale: string;
  basePath: string;
  query: { q?: string; segment?: string; tier?: string };
  table: { customers: CustomerRow[]; total: number; nextCursor: string | null };
  showTier: boolean;
};

const SELECT = "block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/** Search (id prefix), filters and keyset paging as a plain GET form, so it works before hydration and deep-links. */
export function CustomerTable({ t, locale, basePath, query, table, showTier }: Props) {
  const link = (after?: string) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    if (after) params.set("after", after);
    const qs = params.toString();
    return `${basePath}${qs ? `?${qs}` : ""}#customer-table`;
  };
  return (
    <section id="customer-table" aria-labelledby="customer-table-title" className="space-y-3">
      <h2 id="customer-table-title" className="text-base font-semibold text-slate-900">{t("customerMetrics.tableTitle")}</h2>
      <form method="get" action={`${basePath}#customer-table`} className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium text-slate-800">
          {t("customerMetrics.search")}
          <input type="search" name="q" defaultValue={query.q ?? ""} className={`${SELECT} mt-1 font-mono`} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("customerMetrics.filterSegment")}
          <select name="segment" defaultValue={query.segment ?? ""} className={`${SELECT} mt-1`}>
            <option value="">{t("customerMetrics.any")}</option>
            {RFM_SEGMENTS.map((s) => (
              <option key={s} value={s}>{segmentLabel(t, s)}</option>
            ))}
          </select>
        </label>
        {showTier && (
          <label className="text-sm font-medium text-slate-800">
            {t("customerMetrics.filterTier")}
            <select name="tier" defaultValue={query.tier ?? ""} className={`${SELECT} mt-1`}>
              <option value="">{t("customerMetrics.any")}</option>
              {ENGAGEMENT_TIERS.map((tier) => (
                <option key={tier} value={tier}>{tierLabel(t, tier)}</option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className={buttonClass("secondary")}>{t("customerMetrics.apply")}</button>
      </form>
      <p className="text-sm text-slate-600" aria-live="polite">{t("customerMetrics.matching", { count: formatNumber(locale, table.total) })}</p>
      <DataTable
        caption={t("customerMetrics.tableTitle")}
        columns={[
          { label: t("customerMetrics.customerId") },
          { label: t("customerMetrics.segment") },
          { label: t("customerMetrics.rfm") },
          { label: t("customerMetrics.recency"), align: "right" },
          { label: t("customerMetrics.frequency"), align: "right" },
          { label: t("customerMetrics.monetary"), align: "right" },
          { label: t("customerMetrics.aov"), align: "right" },
          ...(showTier ? [{ label: t("customerMetrics.filterTier") }] : []),
          { label: t("customerMetrics.lastPurchase") },
          { label: t("customerMetrics.churned") },
        ]}
      >
        {table.customers.map((c) => (
          <tr key={c.customerId}>
            <td className="px-4 py-2 font-mono">{c.customerId}</td>
            <td className="px-4 py-2">{segmentLabel(t, c.segment)}</td>
            <td className="px-4 py-2 font-mono">{c.r === null ? "–" : `${c.r}${c.f}${c.m}`}</td>
            <td className="px-4 py-2 text-right">{c.recencyDays ?? "–"}</td>
            <td className="px-4 py-2 text-right">{c.frequency}</td>
            <td className="px-4 py-2 text-right">{formatNumber(locale, c.monetary, 2)}</td>
            <td className="px-4 py-2 text-right">{c.averageOrderValue === null ? "–" : formatNumber(locale, c.averageOrderValue, 2)}</td>
            {showTier && <td className="px-4 py-2">{c.tier ? tierLabel(t, c.tier) : "–"}</td>}
            <td className="px-4 py-2">{c.lastPurchaseAt ? c.lastPurchaseAt.slice(0, 10) : "–"}</td>
            <td className="px-4 py-2">{c.churned === null ? "–" : c.churned ? t("customerMetrics.yes") : t("customerMetrics.no")}</td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label={t("customerMetrics.tableTitle")} className="flex gap-3">
        {query && (table.customers.length > 0 || table.nextCursor) && <Link href={link()} className={buttonClass("ghost")}>{t("customerMetrics.firstPage")}</Link>}
        {table.nextCursor && <Link href={link(table.nextCursor)} className={buttonClass("secondary")}>{t("customerMetrics.nextPage")}</Link>}
      </nav>
    </section>
  );
}
