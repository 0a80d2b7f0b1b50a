"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { processDueMessagesAction, sendMessagesAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/survey/[surveyId]/distribute/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { ZSendMessagesInput, type TSendMessagesInput } from "@/lib/distribution/schemas";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";

type Totals = { sent: number; outbox: number; skipped: number; failed: number };

/** Queue invitations or reminders now or at a time, and drain due messages on demand. */
export function SendMessagesForm({ workspaceSlug, surveyId, disabled }: { workspaceSlug: string; surveyId: string; disabled: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [processing, startProcessing] = useTransition();
  const form = useForm<TSendMessagesInput>({ resolver: zodResolver(ZSendMessagesInput), defaultValues: { surveyId, kind: "invitation", sendAt: "" } });
  const processedText = (totals: Totals) => t("distribution.processed", totals);

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    setStatus(undefined);
    const result = await sendMessagesAction(workspaceSlug, { ...values, timezoneOffset: new Date().getTimezoneOffset() });
    if (!result.ok) {
      setError(result.error);
      applyFieldErrors(form.setError, result.fieldErrors);
      return;
    }
    const queued = t("distribution.queued", { n: result.data.queued });
    setStatus(result.data.processed ? `${queued} ${processedText(result.data.processed)}` : queued);
    router.refresh();
  });

  const processNow = () =>
    startProcessing(async () => {
      const result = await processDueMessagesAction(workspaceSlug, {});
      if (!result.ok) setError(result.error);
      else {
        setStatus(processedText(result.data));
        router.refresh();
      }
    });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={t("distribution.messageKind")} error={form.formState.errors.kind?.message} {...form.register("kind")}>
          <option value="invitation">{t("distribution.kindOption_invitation")}</option>
          <option value="reminder">{t("distribution.kindOption_reminder")}</option>
        </SelectField>
        <TextField type="datetime-local" label={t("distribution.sendAt")} hint={t("distribution.sendAtHint")} error={form.formState.errors.sendAt?.message} {...form.register("sendAt")} />
      </div>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={disabled || form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("distribution.sending") : t("distribution.queueMessages")}
        </Button>
        <Button variant="secondary" onClick={processNow} disabled={processing}>
          {t("distribution.processDue")}
        </Button>
      </div>
      <p role="status" className="text-sm text-slate-800">
        {status}
      </p>
    </form>
  );
}
