import type { Metadata } from "next";
import { UnsubscribeButton } from "@/components/distribution/unsubscribe-button";
import { getDb } from "@/db/client";
import { findUnsubscribeTarget } from "@/lib/distribution/unsubscribe";
import { isLocale } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

/** An e-mail's unsubscribe link: confirms with one click (so mail scanners that open links unsubscribe no one). */
export default async function UnsubscribePage({ searchParams }: Props) {
  const raw = (await searchParams).t;
  const token = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const target = token ? await findUnsubscribeTarget(getDb(), { token }) : undefined;
  const language = isLocale(target?.language) ? target.language : "en";
  const t = translate(language);
  return (
    <div lang={language} className="mx-auto w-full max-w-xl px-4 py-10">
      <div className="rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
        {!target ? (
          <>
            <h1 className="text-xl font-semibold text-slate-900">{t("distribution.unsubscribeTitle")}</h1>
            <p role="alert" className="mt-2 text-slate-700">
              {t("distribution.unsubscribeInvalid")}
            </p>
          </>
        ) : target.unsubscribedAt ? (
          <>
            <h1 className="text-xl font-semibold text-slate-900">{t("distribution.unsubscribedTitle")}</h1>
            <p className="mt-2 text-slate-700">{t("distribution.unsubscribedText")}</p>
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold text-slate-900">{t("distribution.unsubscribeTitle")}</h1>
            <p className="mt-2 break-words text-slate-700">{t("distribution.unsubscribeText", { title: target.surveyTitle, email: target.email })}</p>
            <UnsubscribeButton
              token={token}
              labels={{ button: t("distribution.unsubscribeButton"), doneTitle: t("distribution.unsubscribedTitle"), doneText: t("distribution.unsubscribedText"), invalid: t("distribution.unsubscribeInvalid") }}
            />
          </>
        )}
      </div>
    </div>
  );
}
