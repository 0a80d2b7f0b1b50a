import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/session";
import { appUrl, oauthProviders } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/server";

const PROVIDER_NAMES: Record<string, string> = { google: "Google", "azure-ad": "Microsoft Entra ID" };

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, "/workspaces", appUrl());
  if (await currentUser()) redirect(callbackUrl);
  const { t } = await getTranslator();
  const providers = oauthProviders().map((p) => ({ id: p.id, name: p.id === "oidc" ? p.name : PROVIDER_NAMES[p.id]! }));
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">{t("auth.signInTitle")}</h1>
      <SignInForm callbackUrl={callbackUrl} providers={providers} />
      <p className="mt-6 text-sm text-slate-600">
        {t("auth.noAccount")}{" "}
        <Link className="font-medium text-indigo-700 underline" href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          {t("auth.signUp")}
        </Link>
      </p>
    </>
  );
}
