import { BarChartView } from "@/components/charts/bar-chart";
import { ChartFrame } from "@/components/charts/chart-frame";
import { HeatMap } from "@/components/charts/heat-map";
import { tableData } from "@/lib/charts/chart-export";
import type { GridCell, HistogramBin } from "@/db/queries/customer-metric-views";
import type { SnapshotSummary } from "@/db/queries/customer-metrics";
import { ENGAGEMENT_TIERS, USUAL_TIER_SPLIT } from "@/lib/customers/metrics/engagement";
import type { TCustomerMetricSettings } from "@/lib/customers/metrics/schemas";
import type { MessageKey } from "@/lib/i18n/messages";
import type { Translate } from "@/lib/i18n/translator";
import { formatNumber, tierLabel } from "./format";

type Props = {
  t: Translate;
  locale: string;
  histograms: { recency: HistogramBin[]; frequency: HistogramBin[]; monetary: HistogramBin[] };
  grid: GridCell[];
  summary: SnapshotSummary;
  settings: TCustomerMetricSettings;
};

function binLabel(locale: string, bin: HistogramBin, digits: number, integer: boolean) {
  if (bin.open) return `≥ ${formatNumber(locale, bin.from, digits)}`;
  if (integer && bin.to - bin.from <= 1) return formatNumber(locale, bin.from);
  return `${formatNumber(locale, bin.from, digits)}–${formatNumber(locale, integer ? bin.to - 1 : bin.to, digits)}`;
}

/** Histograms of R, F and M, the R × F heat maps and the tier shares, each in the shared chart frame. */
export function MetricCharts({ t, locale, histograms, grid, summary, settings }: Props) {
  const histogram = (metric: "recency" | "frequency" | "monetary", title: MessageKey, color: string) => {
    const integer = metric !== "monetary";
    const rows = histograms[metric].map((bin) => ({ bin: binLabel(locale, bin, integer ? 0 : 0, integer), from: bin.from, to: bin.to, customers: bin.customers }));
    return (
      <ChartFrame
        title={t(title)}
        data={tableData(
          [
            { key: "bin", label: t("customerMetrics.valueAxis") },
            { key: "customers", label: t("customerMetrics.customersAxis") },
          ],
          rows,
        )}
      >
        <BarChartView data={rows} categoryKey="bin" series={[{ key: "customers", label: t("customerMetrics.customersAxis"), color }]} yLabel={t("customerMetrics.customersAxis")} />
      </ChartFrame>
    );
  };

  const rows = [5, 4, 3, 2, 1].map((r) => ({ key: r, label: `R ${r}` }));
  const columns = [1, 2, 3, 4, 5].map((f) => ({ key: f, label: `F ${f}` }));
  const gridRows = grid.map((c) => ({ r: c.r, f: c.f, customers: c.customers, revenue: Math.round(c.revenue * 100) / 100, meanM: Math.round(c.avgM * 100) / 100 }));
  const gridColumns = [
    { key: "r", label: "R" },
    { key: "f", label: "F" },
    { key: "customers", label: t("customerMetrics.customers") },
    { key: "revenue", label: t("customerMetrics.revenue") },
    { key: "meanM", label: "M" },
  ];
  const heat = (value: (c: GridCell) => number, digits: number) =>
    grid.map((c) => ({ row: c.r, column: c.f, value: value(c), label: formatNumber(locale, value(c), digits), sublabel: t("customerMetrics.meanM", { m: formatNumber(locale, c.avgM, 1) }) }));

  const tierTotal = Object.values(summary.tiers).reduce((a, b) => a + b, 0);
  const tierRows = ENGAGEMENT_TIERS.map((tier) => ({
    tier: tierLabel(t, tier),
    actual: tierTotal ? (summary.tiers[tier] ?? 0) / tierTotal : 0,
    usual: USUAL_TIER_SPLIT[tier],
    customers: summary.tiers[tier] ?? 0,
  }));

  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-3">
        {histogram("recency", "customerMetrics.histRecency", "#4338ca")}
        {histogram("frequency", "customerMetrics.histFrequency", "#0f766e")}
        {histogram("monetary", "customerMetrics.histMonetary", "#b45309")}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartFrame title={t("customerMetrics.heatCount")} description={t("customerMetrics.heatNote")} data={tableData(gridColumns, gridRows)}>
          <HeatMap rows={rows} columns={columns} cells={heat((c) => c.customers, 0)} rowLabel="R" columnLabel="F" />
        </ChartFrame>
        <ChartFrame title={t("customerMetrics.heatRevenue")} description={t("customerMetrics.heatNote")} data={tableData(gridColumns, gridRows)}>
          <HeatMap rows={rows} columns={columns} cells={heat((c) => c.revenue, 0)} rowLabel="R" columnLabel="F" />
        </ChartFrame>
      </div>
      {summary.hasUsage ? (
        <ChartFrame
          title={t("customerMetrics.tiersTitle")}
          description={t("customerMetrics.tiersRule", { power: settings.tiers.powerMinActiveDays, active: settings.tiers.activeMinActiveDays, dormant: settings.tiers.dormantAfterDays })}
          data={tableData(
            [
              { key: "tier", label: t("customerMetrics.filterTier") },
              { key: "customers", label: t("customerMetrics.customers") },
              { key: "actual", label: t("customerMetrics.tiersActual") },
              { key: "usual", label: t("customerMetrics.tiersUsual") },
            ],
            tierRows,
          )}
        >
          <BarChartView
            data={tierRows}
            categoryKey="tier"
            percent
            series={[
              { key: "actual", label: t("customerMetrics.tiersActual"), color: "#4338ca" },
              { key: "usual", label: t("customerMetrics.tiersUsual"), color: "#94a3b8" },
            ]}
          />
        </ChartFrame>
      ) : (
        <p className="text-sm text-slate-600">{t("customerMetrics.noUsage")}</p>
      )}
    </div>
  );
}
