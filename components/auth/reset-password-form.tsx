"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { resetPasswordAction } from "@/app/actions/password-reset";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { ZResetPasswordInput, type TResetPasswordInput } from "@/lib/auth/schemas";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";
import { actionErrorText } from "@/lib/rate-limit/format-wait";

export function ResetPasswordForm({ token }: { token: string }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<TResetPasswordInput>({ resolver: zodResolver(ZResetPasswordInput), defaultValues: { token, password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await resetPasswordAction(values);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(actionErrorText(result, t, locale));
      return;
    }
    // Nobody is signed in by a reset: the person signs in with the new password.
    router.replace("/login?reset=done");
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <input type="hidden" {...form.register("token")} />
      <TextField
        label={t("account.newPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("auth.passwordHint")}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? t("shell.saving") : t("account.setPassword")}
      </Button>
    </form>
  );
}
