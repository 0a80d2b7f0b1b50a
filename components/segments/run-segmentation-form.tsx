"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { runSegmentationAction, saveSegmentationAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/segments/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";
import type { SurveyBasisOption } from "@/lib/segmentation/list-basis-options";
import type { SegmentationPreview } from "@/lib/segmentation/run-segmentation";
import { ZRunSegmentationInput, type TRunSegmentationFormValues, type TRunSegmentationInput } from "@/lib/segmentation/schemas";
import { BasisSummary } from "./basis-summary";
import { SegmentationResult } from "./segmentation-result";

type Props = { workspaceSlug: string; studyId: string; surveys: SurveyBasisOption[] };

/** Pick the basis and k, run k-means, look at the result, then save exactly what was shown. */
export function RunSegmentationForm({ workspaceSlug, studyId, surveys }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [preview, setPreview] = useState<{ input: TRunSegmentationInput; result: SegmentationPreview }>();
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const firstSurvey = surveys.find((survey) => survey.batteries.length > 0) ?? surveys[0];
  const form = useForm<TRunSegmentationFormValues, unknown, TRunSegmentationInput>({
    resolver: zodResolver(ZRunSegmentationInput),
    defaultValues: { surveyId: firstSurvey?.id ?? "", questionId: firstSurvey?.batteries[0]?.id ?? "", k: 3, restarts: 10, seed: 1, name: "", excludeFlagged: false },
  });
  const { errors, isSubmitting } = form.formState;
  const survey = surveys.find((candidate) => candidate.id === form.watch("surveyId"));
  const battery = survey?.batteries.find((candidate) => candidate.id === form.watch("questionId"));

  useEffect(() => {
    const subscription = form.watch((values, { name }) => {
      if (name === "surveyId") {
        const batteries = surveys.find((candidate) => candidate.id === values.surveyId)?.batteries ?? [];
        form.setValue("questionId", batteries[0]?.id ?? "");
      }
      // A shown result must match the settings next to it; the name is only used when saving.
      if (name && name !== "name") setStale(true);
    });
    return () => subscription.unsubscribe();
  }, [form, surveys]);

  const onRun = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await runSegmentationAction(workspaceSlug, { ...values, studyId });
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(result.error);
      return;
    }
    setPreview({ input: values, result: result.data });
    setStale(false);
    requestAnimationFrame(() => resultHeading.current?.focus());
  });

  async function onSave() {
    if (!preview) return;
    setSaving(true);
    setFormError(undefined);
    const result = await saveSegmentationAction(workspaceSlug, { ...preview.input, name: form.getValues("name"), studyId });
    setSaving(false);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(result.error);
      return;
    }
    router.push(`/w/${workspaceSlug}/studies/${studyId}/segments/${result.data.id}`);
  }

  return (
    <form onSubmit={onRun} noValidate className="space-y-5">
      <FormError message={formError} />
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField label={t("segments.survey")} error={errors.surveyId?.message} {...form.register("surveyId")}>
          <option value="">{t("segments.chooseSurvey")}</option>
          {surveys.map((option) => (
            <option key={option.id} value={option.id}>{option.title}</option>
          ))}
        </SelectField>
        <SelectField label={t("segments.battery")} error={errors.questionId?.message} {...form.register("questionId")}>
          <option value="">{t("segments.chooseBattery")}</option>
          {(survey?.batteries ?? []).map((option) => (
            <option key={option.id} value={option.id}>{option.label}</option>
          ))}
        </SelectField>
      </div>
      <BasisSummary survey={survey} battery={battery} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField type="number" inputMode="numeric" min={2} max={8} label={t("segments.k")} hint={t("segments.kHint")} error={errors.k?.message} {...form.register("k", { valueAsNumber: true })} />
        <TextField type="number" inputMode="numeric" min={1} max={100} label={t("segments.restarts")} hint={t("segments.restartsHint")} error={errors.restarts?.message} {...form.register("restarts", { valueAsNumber: true })} />
        <TextField type="number" inputMode="numeric" min={0} label={t("segments.seed")} hint={t("segments.seedHint")} error={errors.seed?.message} {...form.register("seed", { valueAsNumber: true })} />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" className="h-4 w-4 accent-indigo-700" {...form.register("excludeFlagged")} />
        {t("responses.excludeFlagged")}
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting || !battery} aria-busy={isSubmitting}>
          {t("segments.run")}
        </Button>
        <span role="status" className="text-sm text-slate-600">{isSubmitting ? t("segments.running") : ""}</span>
      </div>

      {preview && (
        <section aria-labelledby="segmentation-preview-heading" className="space-y-5 border-t border-slate-200 pt-5">
          <h2 id="segmentation-preview-heading" ref={resultHeading} tabIndex={-1} className="text-lg font-semibold text-slate-900">
            {t("segments.resultTitle")}
          </h2>
          {stale && <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("segments.resultStale")}</p>}
          <SegmentationResult summary={preview.result.summary} headingLevel={3} />
          <div className="flex flex-wrap items-end gap-3">
            <div className="min-w-64 flex-1">
              <TextField label={t("segments.solutionName")} hint={t("segments.solutionNameHint")} error={errors.name?.message} {...form.register("name")} />
            </div>
            <Button onClick={onSave} disabled={saving || stale} aria-busy={saving}>
              {t("segments.save")}
            </Button>
            <span role="status" className="text-sm text-slate-600">{saving ? t("segments.saving") : ""}</span>
          </div>
        </section>
      )}
    </form>
  );
}
