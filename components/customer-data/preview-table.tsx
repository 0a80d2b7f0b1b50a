import { DataTable } from "@/components/ui/data-table";
import type { Detection } from "@/lib/customers/import/detect";
import type { Translate } from "@/lib/i18n/translator";

/** The first rows of an uploaded file with each column's detected type; cells are shown as text, never interpreted. */
export function PreviewTable({ detection, t }: { detection: Detection; t: Translate }) {
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold text-slate-900">{t("customerData.previewTitle")}</h2>
      <DataTable
        caption={t("customerData.previewCaption", { count: String(detection.rows.length) })}
        columns={detection.columns.map((c) => ({
          label: (
            <span className="block whitespace-nowrap">
              {c.name}
              <span className="block text-xs font-normal text-slate-500">{t(`customerData.type_${c.type}`)}</span>
            </span>
          ),
        }))}
      >
        {detection.rows.map((row, i) => (
          <tr key={i}>
            {detection.header.map((_, j) => (
              <td key={j} className="max-w-xs truncate px-4 py-1.5 font-mono text-xs">
                {row[j] ?? ""}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
