import { DataTable } from "@/components/ui/data-table";
import { buttonClass } from "@/components/ui/button-class";
import type { ImportErrorRow } from "@/db/queries/data-imports";
import { reasonCountLabel, translatedReason } from "@/lib/customers/import/bad-row-reasons";
import type { ImportJson } from "@/lib/customers/import/import-json";
import type { Translate } from "@/lib/i18n/translator";

/** `keptBadRows`: how many bad rows the import kept row by row (the first ones; all are counted by reason). */
type Props = { record: ImportJson; badRows: ImportErrorRow[]; keptBadRows: number; downloadHref: string; locale: string; t: Translate };

/** Counts of a finished import, its bad rows by reason, its first bad rows and the download of those kept. */
export function ImportReport({ record, badRows, keptBadRows, downloadHref, locale, t }: Props) {
  const format = (n: number | null) => (n === null ? "–" : new Intl.NumberFormat(locale).format(n));
  const counts = [
    ["rowsRead", record.counts.rowsRead],
    ["imported", record.counts.imported],
    ["unchanged", record.counts.unchanged],
    ["bad", record.counts.bad],
  ] as const;
  const byReason = Object.entries(record.counts.badByReason ?? {}).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const allKept = keptBadRows >= (record.counts.bad ?? 0);
  return (
    <section className="space-y-4">
      <h2 className="text-lg font-semibold text-slate-900">{t("customerData.reportTitle")}</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {counts.map(([key, value]) => (
          <div key={key} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-600">{t(`customerData.${key}`)}</dt>
            <dd className="text-xl font-semibold text-slate-900" data-testid={`count-${key}`}>
              {format(value)}
            </dd>
          </div>
        ))}
      </dl>
      {record.counts.unchanged ? <p className="text-sm text-slate-600">{t("customerData.unchangedNote")}</p> : null}
      <h3 className="text-base font-semibold text-slate-900">{t("customerData.badRowsTitle")}</h3>
      {byReason.length > 0 && (
        <DataTable caption={t("customerData.badByReasonTitle")} showCaption columns={[{ label: t("customerData.colReason") }, { label: t("customerData.colCount"), align: "right" }]}>
          {byReason.map(([code, n]) => (
            <tr key={code}>
              <td className="px-4 py-1.5">{reasonCountLabel(code, t)}</td>
              <td className="px-4 py-1.5 text-right tabular-nums">{format(n)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {badRows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("customerData.noBadRows")}</p>
      ) : (
        <>
          {!allKept && <p className="text-sm text-slate-600">{t("customerData.badRowsKeptNote", { kept: format(keptBadRows), bad: format(record.counts.bad) })}</p>}
          <a className={buttonClass("secondary")} href={downloadHref} download>
            {allKept ? t("customerData.downloadBadRows") : t("customerData.downloadKeptBadRows", { count: format(keptBadRows) })}
          </a>
          <DataTable
            caption={t("customerData.badRowsCaption", { count: String(badRows.length) })}
            columns={[{ label: t("customerData.colLine"), align: "right" }, { label: t("customerData.colReason") }, { label: t("customerData.colRaw") }]}
          >
            {badRows.map((row) => (
              <tr key={row.line}>
                <td className="px-4 py-1.5 text-right tabular-nums">{row.line}</td>
                <td className="px-4 py-1.5">{row.detail ? translatedReason(row.detail, t) : row.reason}</td>
                <td className="max-w-md truncate px-4 py-1.5 font-mono text-xs" title={row.raw}>
                  {row.raw}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
