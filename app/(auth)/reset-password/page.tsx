import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { FormError } from "@/components/ui/form-error";
import { getDb } from "@/db/client";
import { isResetTokenValid } from "@/lib/accounts/password-reset";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  // The URL carries the reset token: no Referer header may take it to another site.
  return { title: t("account.resetTitle"), referrer: "no-referrer", robots: { index: false } };
}

export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const valid = token ? await isResetTokenValid(getDb(), { token }) : false;
  const { t } = await getTranslator();
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">{t("account.resetTitle")}</h1>
      {valid ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="space-y-4">
          <FormError message={t("account.resetInvalid")} />
          <Link className="font-medium text-indigo-700 underline" href="/forgot-password">
            {t("account.requestNew")}
          </Link>
        </div>
      )}
      <p className="mt-6 text-sm">
        <Link className="font-medium text-indigo-700 underline" href="/login">
          {t("account.backToSignIn")}
        </Link>
      </p>
    </>
  );
}
