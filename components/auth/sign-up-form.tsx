"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { signUpAction } from "@/app/actions/sign-up";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { ZSignUpInput, type TSignUpInput } from "@/lib/auth/schemas";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";
import { actionErrorText } from "@/lib/rate-limit/format-wait";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const { t, locale } = useI18n();
  const [formError, setFormError] = useState<string>();
  const form = useForm<TSignUpInput>({ resolver: zodResolver(ZSignUpInput), defaultValues: { name: "", email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await signUpAction(values);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(actionErrorText(result, t, locale));
      return;
    }
    await signIn("credentials", { email: values.email, password: values.password, callbackUrl });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <TextField label={t("auth.name")} autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <TextField label={t("auth.email")} type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <TextField
        label={t("auth.password")}
        type="password"
        autoComplete="new-password"
        hint={t("auth.passwordHint")}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? t("shell.saving") : t("auth.signUp")}
      </Button>
    </form>
  );
}
