"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { saveSurveyLimitsAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/survey/[surveyId]/distribute/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import type { SurveyQuota } from "@/lib/distribution/quotas";
import { ZSurveyLimitsInput, type TSurveyLimitsInput } from "@/lib/distribution/schemas";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";

export type ChoiceQuestion = { id: string; text: string; options: { code: number; label: string }[] };
type Props = {
  workspaceSlug: string;
  surveyId: string;
  closeAt: string | null;
  responseLimit: number | null;
  personalLinkDays: number | null;
  quotas: SurveyQuota[];
  questions: ChoiceQuestion[];
};

/** A stored UTC time as the value of a datetime-local input, in this browser's time zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Close date, response limit, personal-link lifetime and quotas on single-choice options; enforced on every submit. */
export function SurveyLimitsForm({ workspaceSlug, surveyId, closeAt, responseLimit, personalLinkDays, quotas, questions }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const form = useForm<TSurveyLimitsInput>({
    resolver: zodResolver(ZSurveyLimitsInput),
    defaultValues: { surveyId, closeAt: toLocalInput(closeAt), responseLimit: responseLimit ?? "", personalLinkDays: personalLinkDays ?? "", quotas },
  });
  const quotaFields = useFieldArray({ control: form.control, name: "quotas" });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    setSaved(false);
    const result = await saveSurveyLimitsAction(workspaceSlug, { ...values, timezoneOffset: new Date().getTimezoneOffset() });
    if (!result.ok) {
      setError(result.error);
      applyFieldErrors(form.setError, result.fieldErrors);
      return;
    }
    setSaved(true);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField type="datetime-local" label={t("distribution.closeAt")} error={errors.closeAt?.message} {...form.register("closeAt")} />
        <TextField type="number" min={1} inputMode="numeric" label={t("distribution.responseLimit")} error={errors.responseLimit?.message} {...form.register("responseLimit")} />
        <TextField
          type="number"
          min={1}
          max={3650}
          inputMode="numeric"
          label={t("distribution.personalLinkDays")}
          hint={t("distribution.personalLinkDaysHint")}
          error={errors.personalLinkDays?.message}
          {...form.register("personalLinkDays")}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("distribution.quotasTitle")}</legend>
        <p className="text-xs text-slate-600">{t("distribution.quotasIntro")}</p>
        {questions.length === 0 && <p className="text-sm text-slate-700">{t("distribution.noChoiceQuestions")}</p>}
        {quotaFields.fields.map((field, index) => {
          const question = questions.find((q) => q.id === form.watch(`quotas.${index}.questionId`)) ?? questions[0];
          return (
            <div key={field.id} className="grid items-end gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[2fr_2fr_1fr_auto]">
              <SelectField label={t("distribution.quotaQuestion")} error={errors.quotas?.[index]?.questionId?.message} {...form.register(`quotas.${index}.questionId`)}>
                {questions.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.text}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t("distribution.quotaOption")} error={errors.quotas?.[index]?.optionCode?.message} {...form.register(`quotas.${index}.optionCode`, { valueAsNumber: true })}>
                {question?.options.map((option) => (
                  <option key={option.code} value={option.code}>
                    {option.label}
                  </option>
                ))}
              </SelectField>
              <TextField type="number" min={1} label={t("distribution.quotaLimit")} error={errors.quotas?.[index]?.limit?.message} {...form.register(`quotas.${index}.limit`, { valueAsNumber: true })} />
              <Button variant="secondary" onClick={() => quotaFields.remove(index)} aria-label={t("distribution.removeQuota", { n: index + 1 })}>
                ✕
              </Button>
            </div>
          );
        })}
        {questions.length > 0 && (
          <Button variant="secondary" onClick={() => quotaFields.append({ questionId: questions[0]!.id, optionCode: questions[0]!.options[0]?.code ?? 0, limit: 50 })}>
            {t("distribution.addQuota")}
          </Button>
        )}
      </fieldset>
      <FormError message={error} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("distribution.saveLimits")}
        </Button>
        <span role="status" className="text-sm text-green-800">
          {saved ? t("distribution.saved") : ""}
        </span>
      </div>
    </form>
  );
}
