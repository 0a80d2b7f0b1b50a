import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/field";
import { getTranslator } from "@/lib/i18n/server";
import type { SolutionComparison } from "@/lib/segmentation/solution/compare-solutions";

type Props = {
  others: { id: string; name: string }[];
  selectedId: string | undefined;
  comparison: SolutionComparison | undefined;
  error: string | undefined;
  solutionName: string;
};

/** Pick another solution of the study (a plain GET form, so the comparison has its own URL), then its cross-tab and ARI. */
export async function CompareSolutionsSection({ others, selectedId, comparison, error, solutionName }: Props) {
  const { t, locale } = await getTranslator();
  if (others.length === 0) return <p className="text-sm text-slate-600">{t("segmentSolution.compareNone")}</p>;
  const format = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
  return (
    <div className="space-y-4">
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64">
          <SelectField label={t("segmentSolution.compareWith")} name="compare" defaultValue={selectedId ?? ""} error={error}>
            <option value="">{t("segmentSolution.compareChoose")}</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>{other.name}</option>
            ))}
          </SelectField>
        </div>
        <Button type="submit" variant="secondary">{t("segmentSolution.compareButton")}</Button>
      </form>
      {comparison && (
        <div className="space-y-2">
          <p role="status" className="text-sm font-medium text-slate-900">
            {comparison.ari === null ? t("segmentSolution.compareNoCommon") : t("segmentSolution.compareResult", { ari: format(comparison.ari), common: comparison.common.toLocaleString(locale) })}
          </p>
          <DataTable
            caption={t("segmentSolution.compareCaption", { a: solutionName, b: comparison.other.name })}
            showCaption
            columns={[{ label: solutionName }, ...comparison.columns.map((name) => ({ label: name, align: "right" as const })), { label: t("segmentSolution.total"), align: "right" }]}
          >
            {comparison.table.map((row, i) => (
              <tr key={i}>
                <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">{comparison.rows[i]}</th>
                {row.map((count, j) => (
                  <td key={j} className="px-4 py-2 text-right tabular-nums">{count.toLocaleString(locale)}</td>
                ))}
                <td className="px-4 py-2 text-right tabular-nums font-medium">{row.reduce((s, v) => s + v, 0).toLocaleString(locale)}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </div>
  );
}
