import { DataTable } from "@/components/ui/data-table";
import { buttonClass } from "@/components/ui/button-class";
import type { ImportErrorRow } from "@/db/queries/data-imports";
import { translatedReason } from "@/lib/customers/import/bad-row-reasons";
import type { ImportJson } from "@/lib/customers/import/import-json";
import type { Translate } from "@/lib/i18n/translator";

type Props = { record: ImportJson; badRows: ImportErrorRow[]; downloadHref: string; locale: string; t: Translate };

/** Counts of a finished import, its first bad rows and the download of all of them. */
export function ImportReport({ record, badRows, downloadHref, locale, t }: Props) {
  const format = (n: number | null) => (n === null ? "–" : new Intl.NumberFormat(locale).format(n));
  const counts = [
    ["rowsRead", record.counts.rowsRead],
    ["imported", record.counts.imported],
    ["unchanged", record.counts.unchanged],
    ["bad", record.counts.bad],
  ] as const;
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
      {badRows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("customerData.noBadRows")}</p>
      ) : (
        <>
          <a className={buttonClass("secondary")} href={downloadHref} download>
            {t("customerData.downloadBadRows")}
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
