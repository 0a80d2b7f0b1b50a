"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { saveCustomerMetricSettingsAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/customers/actions";
import { useI18n } from "@/components/i18n-provider";
import { JobProgress } from "@/components/jobs/job-progress";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";
import { ZCustomerMetricSettings, type TCustomerMetricSettings, type TCustomerMetricSettingsInput } from "@/lib/customers/metrics/schemas";
import { RfmMapEditor } from "./rfm-map-editor";

type Props = { workspaceSlug: string; studyId: string; settings: TCustomerMetricSettings };

/** The study's metric settings; saving queues a recomputation, followed here until it is done. */
export function CustomerMetricSettingsForm({ workspaceSlug, studyId, settings }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [jobId, setJobId] = useState<string | null>(null);
  const form = useForm<TCustomerMetricSettingsInput, unknown, TCustomerMetricSettings>({
    resolver: zodResolver(ZCustomerMetricSettings),
    defaultValues: settings,
  });
  const { errors, isSubmitting } = form.formState;
  const back = `/w/${workspaceSlug}/studies/${studyId}/customers`;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await saveCustomerMetricSettingsAction(workspaceSlug, { studyId, settings: values });
    if (!result.ok) {
      applyFieldErrors(form.setError, Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^settings\./, ""), v])));
      setFormError(result.error);
      return;
    }
    setJobId(result.data.jobId);
  });

  const number = (name: "churnDays" | "arpuMonths" | "tiers.powerMinActiveDays" | "tiers.activeMinActiveDays" | "tiers.dormantAfterDays") =>
    form.register(name, { valueAsNumber: true });
  const errorOf = (path: string) => {
    const parts = path.split(".");
    let node: unknown = errors;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    return (node as { message?: string } | undefined)?.message;
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t("customerMetrics.referenceDate")}
          type="date"
          hint={t("customerMetrics.referenceDateHint")}
          error={errorOf("referenceDate")}
          {...form.register("referenceDate", { setValueAs: (v: string | null) => (v ? v : null) })}
        />
        <TextField label={t("customerMetrics.churnDays")} type="number" min={1} error={errorOf("churnDays")} {...number("churnDays")} />
        <TextField label={t("customerMetrics.arpuMonths")} type="number" min={1} error={errorOf("arpuMonths")} {...number("arpuMonths")} />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">{t("customerMetrics.cleaningTitle")}</legend>
        {(["excludeCancellations", "excludeNonPositive", "excludeMissingCustomer"] as const).map((rule) => (
          <label key={rule} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" {...form.register(`cleaning.${rule}`)} />
            {t(`customerMetrics.${rule}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-semibold text-slate-900">{t("customerMetrics.joinSettingTitle")}</legend>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" aria-describedby="join-verified-only-hint" {...form.register("joinVerifiedOnly")} />
          {t("customerMetrics.joinVerifiedOnly")}
        </label>
        <p id="join-verified-only-hint" className="text-xs text-slate-600">
          {t("customerMetrics.joinVerifiedOnlyHint")}
        </p>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">{t("customerMetrics.scoreMethod")}</legend>
        {(["lower", "upper"] as const).map((method) => (
          <label key={method} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" value={method} {...form.register("scoreMethod")} />
            {t(method === "lower" ? "customerMetrics.methodLower" : "customerMetrics.methodUpper")}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">{t("customerMetrics.thresholdsTitle")}</legend>
        <div className="mt-2 grid gap-4 sm:grid-cols-3">
          <TextField label={t("customerMetrics.powerMin")} type="number" min={1} max={30} error={errorOf("tiers.powerMinActiveDays")} {...number("tiers.powerMinActiveDays")} />
          <TextField label={t("customerMetrics.activeMin")} type="number" min={1} max={30} error={errorOf("tiers.activeMinActiveDays")} {...number("tiers.activeMinActiveDays")} />
          <TextField label={t("customerMetrics.dormantAfter")} type="number" min={1} error={errorOf("tiers.dormantAfterDays")} {...number("tiers.dormantAfterDays")} />
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">{t("customerMetrics.mapTitle")}</legend>
        <p className="mb-2 text-sm text-slate-600">{t("customerMetrics.mapIntro")}</p>
        <RfmMapEditor value={form.watch("rfmMap") as TCustomerMetricSettings["rfmMap"]} onChange={(map) => form.setValue("rfmMap", map, { shouldDirty: true })} />
        {errorOf("rfmMap") && <p role="alert" className="text-sm text-red-700">{errorOf("rfmMap")}</p>}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting || jobId !== null}>{t("customerMetrics.save")}</Button>
        <Link href={back} className={buttonClass("ghost")}>{t("customerMetrics.back")}</Link>
      </div>
      {jobId && <JobProgress workspaceSlug={workspaceSlug} jobId={jobId} onFinished={() => router.push(back)} />}
    </form>
  );
}
