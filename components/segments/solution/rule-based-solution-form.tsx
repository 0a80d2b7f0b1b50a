"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { saveRuleBasedSolutionAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/segments/solution-actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";
import { ZSaveRuleBasedInput, type TSaveRuleBasedInput } from "@/lib/segmentation/solution/schemas";

/** Save the latest RFM named segments or engagement tiers as a solution, then open it. */
export function RuleBasedSolutionForm({ workspaceSlug, studyId }: { workspaceSlug: string; studyId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<TSaveRuleBasedInput>({ resolver: zodResolver(ZSaveRuleBasedInput), defaultValues: { method: "rfm_segments", name: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await saveRuleBasedSolutionAction(workspaceSlug, { ...values, studyId });
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(result.error);
      return;
    }
    router.push(`/w/${workspaceSlug}/studies/${studyId}/segments/${result.data.id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField label={t("segmentSolution.ruleMethod")} error={errors.method?.message} {...form.register("method")}>
          <option value="rfm_segments">{t("segmentSolution.methodRfm")}</option>
          <option value="engagement_tiers">{t("segmentSolution.methodTiers")}</option>
        </SelectField>
        <TextField label={t("segmentSolution.ruleName")} hint={t("segmentSolution.ruleNameHint")} error={errors.name?.message} {...form.register("name")} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>{t("segmentSolution.ruleSave")}</Button>
        <span role="status" className="text-sm text-slate-600">{isSubmitting ? t("segmentSolution.ruleSaving") : ""}</span>
      </div>
    </form>
  );
}
