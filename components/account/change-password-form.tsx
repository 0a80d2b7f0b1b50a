"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { changePasswordAction } from "@/app/actions/account";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { ZChangePasswordInput, type TChangePasswordInput } from "@/lib/auth/schemas";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";

export function ChangePasswordForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [ended, setEnded] = useState<number>();
  const form = useForm<TChangePasswordInput>({ resolver: zodResolver(ZChangePasswordInput), defaultValues: { currentPassword: "", newPassword: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    setEnded(undefined);
    const result = await changePasswordAction(values);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(result.error);
      return;
    }
    form.reset({ currentPassword: "", newPassword: "" });
    setEnded(result.data.endedSessions);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={formError} />
      <TextField
        label={t("account.currentPassword")}
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register("currentPassword")}
      />
      <TextField
        label={t("account.newPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("auth.passwordHint")}
        error={errors.newPassword?.message}
        {...form.register("newPassword")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("shell.saving") : t("account.changePassword")}
        </Button>
        {ended !== undefined && (
          <p role="status" className="text-sm text-emerald-800">
            {t("account.passwordChanged", { count: String(ended) })}
          </p>
        )}
      </div>
    </form>
  );
}
