"use client";

import { useI18n } from "@/components/i18n-provider";
import { DataTable } from "@/components/ui/data-table";
import type { CategoricalDescriptor, Descriptor, DescriptorTest, NumericDescriptor } from "@/lib/segmentation/solution/descriptors";
import { formatMean, formatNumber, formatShare } from "../number-format";
import { isSelectionVariable, SELECTED } from "@/lib/segmentation/solution/selection-categories";
import { formatP, variableLabel } from "./labels";

type Props = { descriptors: Descriptor[]; segmentNames: string[]; minGroupSize: number };

/** One table per descriptor variable: segments as columns (plus the total), the test and why it was chosen underneath. */
export function DescriptorTables({ descriptors, segmentNames, minGroupSize }: Props) {
  return (
    <div className="space-y-5">
      {descriptors.map((descriptor) => (
        <DescriptorTable key={descriptor.id} descriptor={descriptor} segmentNames={segmentNames} minGroupSize={minGroupSize} />
      ))}
    </div>
  );
}

function TestLine({ test }: { test: DescriptorTest | null }) {
  const { t, locale } = useI18n();
  if (!test) return <p className="text-sm text-slate-600">{t("segmentSolution.noTest")}</p>;
  const vars = {
    df: test.df.join(", "),
    statistic: formatNumber(locale, test.statistic, 2),
    p: formatP(locale, test.pValue),
    effect: formatNumber(locale, test.effect.value, 3),
  };
  const key = test.name === "chi_square" ? "segmentSolution.testChiSquare" : test.name === "anova" ? "segmentSolution.testAnova" : "segmentSolution.testKruskal";
  const skewness = formatNumber(locale, test.skewness ?? 0, 2);
  const reason =
    test.reason === "categories" ? t("segmentSolution.reasonCategories")
    : test.reason === "ordinal" ? t("segmentSolution.reasonOrdinal")
    : test.reason === "skewed" ? t("segmentSolution.reasonSkewed", { skewness })
    : t("segmentSolution.reasonSymmetric", { skewness });
  return (
    <p className="text-sm text-slate-700">
      <span className="font-medium">{t(key, vars)}</span> <span className="text-slate-600">{reason}</span>
    </p>
  );
}

function DescriptorTable({ descriptor, segmentNames, minGroupSize }: { descriptor: Descriptor; segmentNames: string[]; minGroupSize: number }) {
  const { t } = useI18n();
  const label = variableLabel(t, descriptor);
  const source = descriptor.source === "customer" ? t("segmentSolution.sourceCustomer") : t("segmentSolution.sourceSurvey");
  const columns = [
    { label: descriptor.kind === "categorical" ? t("segmentSolution.category") : t("segmentSolution.statistic") },
    ...segmentNames.map((name) => ({ label: name, align: "right" as const })),
    { label: t("segmentSolution.total"), align: "right" as const },
  ];
  return (
    <section className="space-y-2" aria-label={label}>
      <DataTable caption={`${label} · ${source}`} showCaption columns={columns}>
        {descriptor.kind === "categorical" ? <CategoricalRows descriptor={descriptor} minGroupSize={minGroupSize} /> : <NumericRows descriptor={descriptor} minGroupSize={minGroupSize} />}
      </DataTable>
      <TestLine test={descriptor.test} />
    </section>
  );
}

function CategoricalRows({ descriptor, minGroupSize }: { descriptor: CategoricalDescriptor; minGroupSize: number }) {
  const { t, locale } = useI18n();
  const cells = [...descriptor.segments, descriptor.total];
  const hidden = t("segmentSolution.hidden", { min: minGroupSize });
  const selection = isSelectionVariable(descriptor.categories);
  const categoryLabel = (label: string) =>
    descriptor.id === "customer.churned" ? (label === "yes" ? t("segmentSolution.yes") : t("segmentSolution.no"))
    : selection ? (label === SELECTED ? t("segmentSolution.selected") : t("segmentSolution.notSelected"))
    : label;
  return (
    <>
      {descriptor.categories.map((category, j) => (
        <tr key={category.key}>
          <th scope="row" className="px-4 py-2 text-left font-normal text-slate-900">{categoryLabel(category.label)}</th>
          {cells.map((cell, i) => (
            <td key={i} className="px-4 py-2 text-right tabular-nums">{cell.hidden ? <span className="text-slate-500">{hidden}</span> : formatShare(locale, cell.shares![j]!)}</td>
          ))}
        </tr>
      ))}
      <tr className="bg-slate-50">
        <th scope="row" className="px-4 py-2 text-left font-normal text-slate-600">{t("segmentSolution.n")}</th>
        {cells.map((cell, i) => (
          <td key={i} className="px-4 py-2 text-right tabular-nums text-slate-600">{formatNumber(locale, cell.n)}</td>
        ))}
      </tr>
    </>
  );
}

function NumericRows({ descriptor, minGroupSize }: { descriptor: NumericDescriptor; minGroupSize: number }) {
  const { t, locale } = useI18n();
  const cells = [...descriptor.segments, descriptor.total];
  const hidden = t("segmentSolution.hidden", { min: minGroupSize });
  const show = (value: number | null, isHidden: boolean) => (isHidden ? <span className="text-slate-500">{hidden}</span> : value === null ? "—" : formatMean(locale, value));
  return (
    <>
      <tr>
        <th scope="row" className="px-4 py-2 text-left font-normal text-slate-900">{t("segmentSolution.mean")}</th>
        {cells.map((cell, i) => (
          <td key={i} className="px-4 py-2 text-right tabular-nums">{show(cell.mean, cell.hidden)}</td>
        ))}
      </tr>
      <tr>
        <th scope="row" className="px-4 py-2 text-left font-normal text-slate-900">{t("segmentSolution.median")}</th>
        {cells.map((cell, i) => (
          <td key={i} className="px-4 py-2 text-right tabular-nums">{show(cell.median, cell.hidden)}</td>
        ))}
      </tr>
      <tr className="bg-slate-50">
        <th scope="row" className="px-4 py-2 text-left font-normal text-slate-600">{t("segmentSolution.n")}</th>
        {cells.map((cell, i) => (
          <td key={i} className="px-4 py-2 text-right tabular-nums text-slate-600">{formatNumber(locale, cell.n)}</td>
        ))}
      </tr>
    </>
  );
}
