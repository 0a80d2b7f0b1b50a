import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/session";
import { appUrl } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/server";

export default async function SignUpPage({ searchParams }: PageProps<"/signup">) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, "/workspaces", appUrl());
  if (await currentUser()) redirect(callbackUrl);
  const { t } = await getTranslator();
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">{t("auth.signUpTitle")}</h1>
      <SignUpForm callbackUrl={callbackUrl} />
      <p className="mt-6 text-sm text-slate-600">
        {t("auth.haveAccount")}{" "}
        <Link className="font-medium text-indigo-700 underline" href={`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          {t("auth.signIn")}
        </Link>
      </p>
    </>
  );
}
