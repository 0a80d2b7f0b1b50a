"use client";

import { ChartFrame } from "@/components/charts/chart-frame";
import { KLineChart } from "@/components/charts/k-line-chart";
import { StabilityBoxPlot } from "@/components/charts/stability-box-plot";
import { useI18n } from "@/components/i18n-provider";
import { formatNumber } from "@/components/segments/number-format";
import type { SweepResults } from "@/lib/segmentation/sweep/sweep-results";

/** Scree of WSS, silhouette per k and the bootstrap ARI box plots, side by side, the chosen k marked in each. */
export function SweepCharts({ results, chosenK }: { results: SweepResults; chosenK: number }) {
  const { t, locale } = useI18n();
  const two = (value: number) => formatNumber(locale, value, 2);
  const boxes = results.ks.flatMap((entry) => (entry.ariSpread ? [{ k: entry.k, ...entry.ariSpread }] : []));
  return (
    <div className="grid gap-4 lg:grid-cols-2 2xl:grid-cols-3">
      <ChartFrame
        title={t("sweep.screeTitle")}
        description={t("sweep.screeDescription")}
        data={{ columns: ["k", t("sweep.withinSS")], rows: results.ks.map((entry) => [entry.k, entry.withinSS]) }}
      >
        <KLineChart points={results.ks.map((entry) => ({ x: entry.k, y: entry.withinSS }))} xLabel="k" yLabel={t("sweep.withinSS")} highlight={chosenK} format={(value) => formatNumber(locale, value, 1)} />
      </ChartFrame>
      <ChartFrame
        title={t("sweep.silhouetteTitle")}
        description={t("sweep.silhouetteDescription")}
        data={{ columns: ["k", t("sweep.silhouette")], rows: results.ks.map((entry) => [entry.k, entry.silhouette]) }}
      >
        <KLineChart points={results.ks.map((entry) => ({ x: entry.k, y: entry.silhouette }))} xLabel="k" yLabel={t("sweep.silhouette")} highlight={chosenK} format={two} />
      </ChartFrame>
      <ChartFrame
        title={t("sweep.stabilityTitle")}
        description={t("sweep.stabilityDescription")}
        data={{
          columns: ["k", t("sweep.ariMin"), t("sweep.ariQ1"), t("sweep.ariMedian"), t("sweep.ariQ3"), t("sweep.ariMax"), "ARI"],
          rows: results.ks.map((entry) => [
            entry.k,
            entry.ariSpread?.min ?? null,
            entry.ariSpread?.q1 ?? null,
            entry.ariSpread?.median ?? null,
            entry.ariSpread?.q3 ?? null,
            entry.ariSpread?.max ?? null,
            entry.ari.map((value) => value.toFixed(4)).join(" "),
          ]),
        }}
      >
        <StabilityBoxPlot boxes={boxes} xLabel="k" yLabel="ARI" highlight={chosenK} />
      </ChartFrame>
    </div>
  );
}
