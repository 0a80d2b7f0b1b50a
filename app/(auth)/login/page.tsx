import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormError } from "@/components/ui/form-error";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { loginErrorKey } from "@/lib/auth/login-messages";
import { configuredProviders } from "@/lib/auth/provider-names";
import { currentUser } from "@/lib/auth/session";
import { appUrl } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("auth.signIn") };
}

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl, "/workspaces", appUrl());
  if (await currentUser()) redirect(callbackUrl);
  const { t } = await getTranslator();
  const providers = configuredProviders();
  const errorKey = loginErrorKey(params.error);
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">{t("auth.signInTitle")}</h1>
      {params.reset === "done" && (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("account.resetDone")}
        </p>
      )}
      {errorKey && (
        <div className="mb-4">
          <FormError message={t(errorKey)} />
        </div>
      )}
      <SignInForm callbackUrl={callbackUrl} providers={providers} />
      <p className="mt-4 text-sm">
        <Link className="font-medium text-indigo-700 underline" href="/forgot-password">
          {t("account.forgotLink")}
        </Link>
      </p>
      <p className="mt-6 text-sm text-slate-600">
        {t("auth.noAccount")}{" "}
        <Link className="font-medium text-indigo-700 underline" href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          {t("auth.signUp")}
        </Link>
      </p>
    </>
  );
}
