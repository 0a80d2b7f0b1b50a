import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { RESET_TOKEN_MS } from "@/lib/accounts/password-reset";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("account.forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const { t } = await getTranslator();
  return (
    <>
      <h1 className="mb-2 text-lg font-semibold">{t("account.forgotTitle")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("account.forgotIntro")}</p>
      <ForgotPasswordForm minutes={RESET_TOKEN_MS / 60_000} />
      <p className="mt-6 text-sm">
        <Link className="font-medium text-indigo-700 underline" href="/login">
          {t("account.backToSignIn")}
        </Link>
      </p>
    </>
  );
}
