"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { updateNameAction } from "@/app/actions/account";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { ZUpdateNameInput, type TUpdateNameInput } from "@/lib/auth/schemas";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";

export function NameForm({ name }: { name: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const form = useForm<TUpdateNameInput>({ resolver: zodResolver(ZUpdateNameInput), defaultValues: { name } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    setSaved(false);
    const result = await updateNameAction(values);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(result.error);
      return;
    }
    setSaved(true);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={formError} />
      <TextField label={t("auth.name")} autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("shell.saving") : t("account.saveName")}
        </Button>
        {saved && (
          <p role="status" className="text-sm text-emerald-800">
            {t("account.nameSaved")}
          </p>
        )}
      </div>
    </form>
  );
}
