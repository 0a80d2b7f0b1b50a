"use client";

import { ChartFrame } from "@/components/charts/chart-frame";
import { CorrelationHeatmap } from "@/components/charts/correlation-heatmap";
import { KLineChart } from "@/components/charts/k-line-chart";
import { useI18n } from "@/components/i18n-provider";
import { StatList } from "@/components/ui/stat-list";
import { formatNumber, formatShare } from "@/components/segments/number-format";
import { DataTable } from "@/components/ui/data-table";
import type { DatasetExploration as Exploration } from "@/lib/segmentation/dataset/explore";
import { isCustomerVariable } from "@/lib/segmentation/dataset/variables";
import { useVariableLabel } from "./variable-roles-table";

/** A tiny bar per value or bin, so the shape of a distribution reads at a glance; the counts are in its title. */
function Sparkbars({ distribution }: { distribution: Exploration["variables"][number]["distribution"] }) {
  const max = Math.max(1, ...distribution.map((entry) => entry.count));
  const text = distribution.map((entry) => `${entry.label}: ${entry.count}`).join(", ");
  return (
    <>
      <span aria-hidden="true" className="flex h-6 items-end gap-px" title={text}>
        {distribution.map((entry) => (
          <span key={entry.label} className="w-2 bg-indigo-500" style={{ height: `${Math.max(4, (100 * entry.count) / max)}%` }} />
        ))}
      </span>
      <span className="sr-only">{text}</span>
    </>
  );
}

/** Exploration before clustering: counts and warnings, distributions, correlation heat map and PCA scree. */
export function DatasetExploration({ exploration }: { exploration: Exploration }) {
  const { t, locale } = useI18n();
  const labelOf = useVariableLabel();
  const variableLabel = (id: string, label: string) => labelOf({ id, label, source: isCustomerVariable(id) ? "customer" : "survey" });
  const columnLabel = (column: { id: string; label: string }) => (isCustomerVariable(column.id) && !column.id.includes("=") ? variableLabel(column.id, column.label) : column.label);
  const fmt = (value: number | null, digits = 2) => (value === null ? "—" : formatNumber(locale, value, digits));
  const stats = [
    { label: t("sweep.statRespondents"), value: formatNumber(locale, exploration.respondents) },
    { label: t("sweep.statColumns"), value: formatNumber(locale, exploration.columns.length) },
    { label: t("sweep.statDropped"), value: formatNumber(locale, exploration.counts.dropped) },
    { label: t("sweep.statImputed"), value: formatNumber(locale, exploration.counts.imputedValues) },
  ];
  let cumulative = 0;
  const pcaRows = exploration.pcaExplained.map((share, index) => [index + 1, share, (cumulative += share)]);
  const labels = exploration.columns.map(columnLabel);
  return (
    <div className="space-y-5">
      <StatList stats={stats} columns={4} />
      {exploration.sampleSize.belowRecommendation && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("sweep.smallSample", { n: exploration.respondents, minimum: exploration.sampleSize.recommendedMinimum, columns: exploration.columns.length })}
        </p>
      )}
      {exploration.constantColumns.length > 0 && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("sweep.constantColumns", { columns: exploration.columns.filter((column) => exploration.constantColumns.includes(column.id)).map(columnLabel).join(", ") })}
        </p>
      )}
      <DataTable
        caption={t("sweep.distributionsCaption")}
        showCaption
        columns={[
          { label: t("sweep.columnVariable") },
          { label: t("sweep.columnRoleShort") },
          { label: t("sweep.columnN"), align: "right" },
          { label: t("sweep.columnMissing"), align: "right" },
          { label: t("sweep.columnMean"), align: "right" },
          { label: t("sweep.columnSd"), align: "right" },
          { label: t("sweep.columnRange"), align: "right" },
          { label: t("sweep.columnDistribution") },
        ]}
      >
        {exploration.variables.map((variable) => (
          <tr key={variable.id}>
            <th scope="row" className="px-4 py-1.5 text-left font-medium text-slate-900">{variableLabel(variable.id, variable.label)}</th>
            <td className="px-4 py-1.5">{variable.role === "basis" ? t("sweep.roleBasis") : t("sweep.roleDescriptor")}</td>
            <td className="px-4 py-1.5 text-right tabular-nums">{formatNumber(locale, variable.n)}</td>
            <td className="px-4 py-1.5 text-right tabular-nums">{formatNumber(locale, variable.missing)}</td>
            <td className="px-4 py-1.5 text-right tabular-nums">{fmt(variable.mean)}</td>
            <td className="px-4 py-1.5 text-right tabular-nums">{fmt(variable.sd)}</td>
            <td className="px-4 py-1.5 text-right tabular-nums">{variable.min === null ? "—" : `${fmt(variable.min)}–${fmt(variable.max)}`}</td>
            <td className="px-4 py-1.5">
              <Sparkbars distribution={variable.distribution} />
            </td>
          </tr>
        ))}
      </DataTable>
      <div className="grid gap-4 xl:grid-cols-2">
        <ChartFrame
          title={t("sweep.correlationTitle")}
          description={t("sweep.correlationDescription")}
          data={{ columns: ["", ...labels], rows: exploration.correlations.map((row, i) => [labels[i]!, ...row]) }}
        >
          <CorrelationHeatmap labels={labels} matrix={exploration.correlations} />
        </ChartFrame>
        <ChartFrame
          title={t("sweep.pcaTitle")}
          description={t("sweep.pcaDescription")}
          data={{ columns: [t("sweep.component"), t("sweep.explained"), t("sweep.cumulative")], rows: pcaRows }}
        >
          <KLineChart
            points={exploration.pcaExplained.map((share, index) => ({ x: index + 1, y: share }))}
            xLabel={t("sweep.component")}
            yLabel={t("sweep.explained")}
            domain={[0, 1]}
            format={(value) => formatShare(locale, value)}
          />
        </ChartFrame>
      </div>
    </div>
  );
}
