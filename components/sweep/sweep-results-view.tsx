"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { saveRunSolutionAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/segments/actions";
import { useI18n } from "@/components/i18n-provider";
import { formatMean, formatNumber, formatShare } from "@/components/segments/number-format";
import { SegmentationResult } from "@/components/segments/segmentation-result";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { ZSaveRunSolutionInput } from "@/lib/segmentation/dataset/schemas";
import { isCustomerVariable } from "@/lib/segmentation/dataset/variables";
import { defaultSegmentName, summarizeSegmentation } from "@/lib/segmentation/profile-summary";
import { recommendationText } from "@/lib/segmentation/sweep/recommendation-text";
import type { SweepResults } from "@/lib/segmentation/sweep/sweep-results";
import { SweepCharts } from "./sweep-charts";
import { useVariableLabel } from "./variable-roles-table";

type Props = { workspaceSlug: string; runId: string; results: SweepResults; canSave: boolean };

/**
 * The sweep side by side, the recommendation in words, and the researcher's pick of k (the
 * recommendation by default): its segment-level stability and profiles, then Save solution.
 */
export function SweepResultsView({ workspaceSlug, runId, results, canSave }: Props) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const labelOf = useVariableLabel();
  const [k, setK] = useState(results.recommendation?.k ?? results.ks[0]!.k);
  const [name, setName] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> }>();
  const chosen = results.ks.find((entry) => entry.k === k)!;

  const summary = useMemo(
    () =>
      summarizeSegmentation({
        seed: results.settings.seed,
        restarts: results.settings.restarts,
        respondentCount: results.respondentCount,
        withinSS: chosen.withinSS,
        variables: results.columns.map((column) => ({
          id: column.id,
          label: isCustomerVariable(column.id) && !column.id.includes("=") ? labelOf({ ...column, source: "customer" }) : column.label,
        })),
        totalMeans: chosen.totalMeans,
        segments: chosen.segments.map((segment, position) => ({ name: defaultSegmentName(position), size: segment.size, means: segment.means })),
      }),
    // labelOf is stable per language; the summary depends only on the chosen k.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [chosen, results],
  );

  async function save() {
    setError(undefined);
    // The server parses the same schema; checking here puts the message next to the field at once.
    const parsed = ZSaveRunSolutionInput.safeParse({ runId, k, name });
    if (!parsed.success) {
      setError({ message: parsed.error.issues[0]!.message, fields: { name: parsed.error.issues.filter((issue) => issue.path[0] === "name").map((issue) => issue.message) } });
      return;
    }
    setSaving(true);
    const result = await saveRunSolutionAction(workspaceSlug, parsed.data);
    if (!result.ok) {
      setSaving(false);
      setError({ message: result.error, fields: result.fieldErrors });
      return;
    }
    router.push(`/w/${workspaceSlug}/studies/${result.data.studyId}/segments/${result.data.id}`);
  }

  const two = (value: number | null) => (value === null ? "—" : formatMean(locale, value));
  return (
    <div className="space-y-6">
      <SweepCharts results={results} chosenK={k} />
      {results.recommendation && (
        <section aria-labelledby="recommendation-heading" className="rounded-lg border border-indigo-200 bg-indigo-50 p-4">
          <h2 id="recommendation-heading" className="text-base font-semibold text-indigo-950">{t("sweepRecommendation.recommendationTitle")}</h2>
          <p className="mt-1 text-sm text-indigo-950">{recommendationText(results.recommendation, t, locale, results.ks.find((entry) => entry.k === results.recommendation!.k))}</p>
        </section>
      )}
      <div className="max-w-xs">
        <SelectField label={t("sweep.chooseK")} value={k} onChange={(event) => setK(Number(event.target.value))}>
          {results.ks.map((entry) => (
            <option key={entry.k} value={entry.k}>
              {entry.k === results.recommendation?.k ? t("sweep.recommended", { k: entry.k }) : entry.k}
            </option>
          ))}
        </SelectField>
      </div>

      <section aria-labelledby="chosen-heading" className="space-y-5">
        <h2 id="chosen-heading" className="text-lg font-semibold text-slate-900">{t("sweep.chosenTitle", { k })}</h2>
        <div className="space-y-2">
          <DataTable
            caption={t("sweep.segmentStabilityTitle")}
            showCaption
            columns={[{ label: t("sweep.segment") }, { label: t("sweep.size"), align: "right" }, { label: t("sweep.jaccardMedian"), align: "right" }, { label: t("sweep.jaccardMean"), align: "right" }]}
          >
            {chosen.segments.map((segment, position) => (
              <tr key={position}>
                <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">{defaultSegmentName(position)}</th>
                <td className="px-4 py-2 text-right tabular-nums">
                  {formatNumber(locale, segment.size)} ({formatShare(locale, segment.share)})
                </td>
                <td className={`px-4 py-2 text-right tabular-nums ${segment.jaccardMedian !== null && segment.jaccardMedian < 0.6 ? "font-semibold text-red-700" : ""}`}>{two(segment.jaccardMedian)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{two(segment.jaccardMean)}</td>
              </tr>
            ))}
          </DataTable>
          <p className="text-xs text-slate-600">{t("sweep.jaccardReading")}</p>
        </div>
        <SegmentationResult summary={summary} headingLevel={3} />
      </section>

      {canSave && (
        <div className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-5">
          <FormError message={error?.message} />
          <div className="min-w-64 flex-1">
            <TextField label={t("sweep.solutionName")} value={name} error={error?.fields?.name?.[0]} maxLength={120} onChange={(event) => setName(event.target.value)} />
          </div>
          <Button onClick={save} disabled={saving} aria-busy={saving}>
            {t("sweep.save")}
          </Button>
          <span role="status" className="text-sm text-slate-600">{saving ? t("sweep.saving") : ""}</span>
        </div>
      )}
    </div>
  );
}
