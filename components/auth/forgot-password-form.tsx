"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { requestPasswordResetAction } from "@/app/actions/password-reset";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { ZForgotPasswordInput, type TForgotPasswordInput } from "@/lib/auth/schemas";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";
import { actionErrorText } from "@/lib/rate-limit/format-wait";

export function ForgotPasswordForm({ minutes }: { minutes: number }) {
  const { t, locale } = useI18n();
  const [formError, setFormError] = useState<string>();
  const [sent, setSent] = useState(false);
  const form = useForm<TForgotPasswordInput>({ resolver: zodResolver(ZForgotPasswordInput), defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await requestPasswordResetAction(values);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(actionErrorText(result, t, locale));
      return;
    }
    setSent(true);
  });

  if (sent) {
    return (
      <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {t("account.forgotSent", { minutes: String(minutes) })}
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <TextField label={t("auth.email")} type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? t("account.sending") : t("account.sendLink")}
      </Button>
    </form>
  );
}
