import type { DistinctiveVariables, VariableDifference } from "@/lib/personas/distinctive-variables";
import type { Translate } from "@/lib/i18n/translator";
import { formatDifference, formatMean } from "./format";

type Props = { distinctive: DistinctiveVariables; t: Translate; locale: string; headingLevel?: "h2" | "h3" | "h4"; stacked?: boolean; title?: string };

function DifferenceTable({ caption, rows, empty, t, locale }: { caption: string; rows: VariableDifference[]; empty: string; t: Translate; locale: string }) {
  if (rows.length === 0) {
    return (
      <div>
        <p className="text-sm font-medium text-slate-800">{caption}</p>
        <p className="text-sm text-slate-600">{empty}</p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs sm:text-sm">
        <caption className="mb-1 text-left font-medium text-slate-800">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
            <th scope="col" className="py-1 pr-2 font-medium">{t("personas.statement")}</th>
            <th scope="col" className="py-1 pr-2 text-right font-medium">{t("personas.segmentMean")}</th>
            <th scope="col" className="py-1 pr-2 text-right font-medium">{t("personas.totalMean")}</th>
            <th scope="col" className="py-1 text-right font-medium">{t("personas.difference")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-900">
                {row.label}
              </th>
              <td className="py-1 pr-2 text-right tabular-nums">{formatMean(locale, row.segmentMean)}</td>
              <td className="py-1 pr-2 text-right tabular-nums text-slate-600">{formatMean(locale, row.totalMean)}</td>
              <td className={`py-1 text-right tabular-nums ${row.notable ? "font-semibold" : ""} ${row.difference > 0 ? "text-emerald-800" : "text-rose-800"}`}>
                {formatDifference(locale, row.difference)}
                {row.notable && <span className="sr-only"> ({t("personas.notable")})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The evidence beside a segment's name: statements it rates most above and most below the total mean. */
export function DistinctiveStatements({ distinctive, t, locale, headingLevel: Heading = "h3", stacked = false, title }: Props) {
  return (
    <div className="space-y-3">
      <Heading className="text-sm font-semibold text-slate-900">{title ?? t("personas.evidenceTitle")}</Heading>
      <div className={`grid gap-4 ${stacked ? "" : "md:grid-cols-2"}`}>
        <DifferenceTable caption={t("personas.higherThanAverage")} rows={distinctive.above} empty={t("personas.noneAbove")} t={t} locale={locale} />
        <DifferenceTable caption={t("personas.lowerThanAverage")} rows={distinctive.below} empty={t("personas.noneBelow")} t={t} locale={locale} />
      </div>
    </div>
  );
}
