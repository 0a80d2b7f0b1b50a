import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { NameForm } from "@/components/account/name-form";
import { EndSessionButton, LinkSsoButton, SignOutEverywhereButton } from "@/components/account/session-controls";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { getDb } from "@/db/client";
import { accountOverview } from "@/lib/accounts/account-settings";
import { requireUserPage } from "@/lib/auth/access";
import { loginErrorKey } from "@/lib/auth/login-messages";
import { configuredProviders, providerDisplayName } from "@/lib/auth/provider-names";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { sessionIdleMs, sessionMaxMs } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("account.title") };
}

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const user = await requireUserPage();
  const params = await searchParams;
  const { t, locale } = await getTranslator();
  const { hasPassword, sessions, identities } = await accountOverview(getDb(), { userId: user.id });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const linkable = configuredProviders().filter((provider) => !identities.some((identity) => identity.provider === provider.id));
  const linked = typeof params.linked === "string" && configuredProviders().some((p) => p.id === params.linked) ? providerDisplayName(params.linked) : undefined;
  const errorKey = loginErrorKey(params.error);
  const hours = Math.round((sessionIdleMs() / 3600_000) * 10) / 10;
  const days = Math.round((sessionMaxMs() / 86_400_000) * 10) / 10;

  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Link href="/workspaces" className="text-2xl font-bold text-indigo-800">
          {t("shell.appName")}
        </Link>
        <div className="flex items-center gap-4">
          <LanguageSwitcher />
          <SignOutButton />
        </div>
      </div>
      <div>
        <h1 className="text-xl font-semibold">{t("account.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("account.intro", { email: user.email })}</p>
        <Link href="/workspaces" className="mt-2 inline-block text-sm font-medium text-indigo-700 underline">
          {t("account.backToApp")}
        </Link>
      </div>
      {linked && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("account.linked", { provider: linked })}
        </p>
      )}
      {errorKey && <FormError message={t(errorKey)} />}

      <Card title={t("account.profileTitle")}>
        <NameForm name={user.name} />
      </Card>

      <Card title={t("account.changePasswordTitle")}>
        {hasPassword ? <ChangePasswordForm /> : <p className="text-sm text-slate-700">{t("account.noPassword")}</p>}
      </Card>

      <Card title={t("account.sessionsTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("account.sessionsIntro", { hours: String(hours), days: String(days) })}</p>
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {sessions.map((session) => {
            const started = when.format(session.createdAt);
            const current = session.id === user.sessionId;
            return (
              <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0 space-y-1">
                  <p className="font-medium text-slate-900">
                    {describeUserAgent(session.userAgent) ?? t("account.unknownBrowser")}
                    {current && <span className="ml-2 inline-block whitespace-nowrap rounded bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-800">{t("account.thisSession")}</span>}
                  </p>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-600">
                    <dt>{t("account.colMethod")}</dt>
                    <dd>{session.method === "credentials" ? t("account.methodPassword") : providerDisplayName(session.method)}</dd>
                    <dt>{t("account.colStarted")}</dt>
                    <dd>{started}</dd>
                    <dt>{t("account.colLastSeen")}</dt>
                    <dd>{when.format(session.lastSeenAt)}</dd>
                  </dl>
                </div>
                {!current && <EndSessionButton sessionId={session.id} label={t("account.signOutSessionLabel", { started })} />}
              </li>
            );
          })}
        </ul>
      </Card>

      <Card title={t("account.everywhereTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("account.everywhereText")}</p>
        <SignOutEverywhereButton />
      </Card>

      {(identities.length > 0 || linkable.length > 0) && (
        <Card title={t("account.ssoTitle")}>
          <p className="mb-3 text-sm text-slate-600">{t("account.ssoIntro")}</p>
          {identities.length > 0 ? (
            <ul className="mb-3 list-disc space-y-1 pl-5 text-sm">
              {identities.map((identity) => (
                <li key={identity.provider + identity.createdAt.toISOString()}>
                  {t("account.ssoLinkedAs", { provider: providerDisplayName(identity.provider), email: identity.email ?? "—" })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-3 text-sm text-slate-700">{t("account.ssoNone")}</p>
          )}
          <div className="flex flex-wrap gap-3">
            {linkable.map((provider) => (
              <LinkSsoButton key={provider.id} provider={provider.id} name={provider.name} />
            ))}
          </div>
        </Card>
      )}
    </main>
  );
}
