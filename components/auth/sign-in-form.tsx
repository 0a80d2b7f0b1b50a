"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { ZSignInInput, type TSignInInput } from "@/lib/auth/schemas";
import { formatWait, parseSignInRateLimit } from "@/lib/rate-limit/format-wait";

export function SignInForm({ callbackUrl, providers }: { callbackUrl: string; providers: { id: string; name: string }[] }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<TSignInInput>({ resolver: zodResolver(ZSignInInput), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      const wait = parseSignInRateLimit(result?.error);
      setFormError(wait === undefined ? t("auth.badCredentials") : t("auth.tooManyAttempts", { wait: formatWait(wait, locale) }));
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  });

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={formError} />
        <TextField label={t("auth.email")} type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
        <TextField label={t("auth.password")} type="password" autoComplete="current-password" error={errors.password?.message} {...form.register("password")} />
        <Button type="submit" disabled={isSubmitting} className="w-full">
          {isSubmitting ? t("auth.signingIn") : t("auth.signIn")}
        </Button>
      </form>
      {providers.length > 0 && (
        <div className="space-y-2">
          <p className="text-center text-xs uppercase tracking-wide text-slate-500">{t("auth.orContinueWith")}</p>
          {providers.map((provider) => (
            <button key={provider.id} type="button" className={`${buttonClass("secondary")} w-full`} onClick={() => signIn(provider.id, { callbackUrl })}>
              {t("auth.continueWith", { provider: provider.name })}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
