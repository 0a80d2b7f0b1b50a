import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { I18nProvider } from "@/components/i18n-provider";
import { RespondentNotice } from "@/components/distribution/respondent-notice";
import { RespondentForm } from "@/components/surveys/respondent/respondent-form";
import { getDb } from "@/db/client";
import { respondentGate } from "@/lib/distribution/respondent-access";
import { LOCALE_NAMES, isLocale, type Locale } from "@/lib/i18n/locales";
import { dictionaryFor, translate } from "@/lib/i18n/translate";
import { localized, type SurveyDefinition } from "@/lib/surveys/definition";
import { loadPublicSurvey } from "@/lib/surveys/load-public-survey";
import { maxDiffDesignsOf } from "@/lib/surveys/maxdiff-question";
import { CUSTOMER_ID_MAX } from "@/lib/surveys/schemas";

type Props = { params: Promise<{ publicId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Metadata and page read the same survey: one query per request.
const surveyFor = cache((publicId: string) => loadPublicSurvey(getDb(), { publicId }));

/** ?lang= when the survey offers it, else the survey's default language (not the visitor's UI language). */
function respondentLanguage(definition: SurveyDefinition, requested: unknown): Locale {
  return isLocale(requested) && definition.languages.includes(requested) ? requested : definition.defaultLanguage;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const survey = await surveyFor((await params).publicId);
  if (!survey) return {};
  const language = respondentLanguage(survey.definition, single((await searchParams).lang));
  return { title: localized(survey.definition.title, language, survey.definition.defaultLanguage), robots: { index: false } };
}

/** The public respondent page (no login): the current published version in the respondent's language. */
export default async function RespondentPage({ params, searchParams }: Props) {
  const { publicId } = await params;
  const query = await searchParams;
  const survey = await surveyFor(publicId);
  if (!survey) notFound();
  const { definition } = survey;
  // A personal link (?t=) is checked here: tampered, used, expired, closed and full links get a notice instead of the form.
  const token = single(query.t)?.trim();
  const gate = await respondentGate(getDb(), { publicId, token });
  if (!gate) notFound();
  const language = respondentLanguage(definition, single(query.lang) ?? (gate.state === "open" ? gate.contact?.language : undefined));
  const t = translate(language);
  // Only the survey texts go to the browser, in the survey's language rather than the UI cookie's.
  const dictionary = Object.fromEntries(Object.entries(dictionaryFor(language)).filter(([key]) => key.startsWith("survey.") || key.startsWith("questions.") || key.startsWith("maxdiff.") || key.startsWith("responses.respondent") || key.startsWith("surveyPages.") || key.startsWith("answerErrors.")));
  const rawCustomerId = single(query.customer_id)?.trim();
  // An over-long id cannot be stored faithfully; dropping it beats storing a wrong one.
  const customerId = rawCustomerId && rawCustomerId.length <= CUSTOMER_ID_MAX ? rawCustomerId : undefined;
  const text = (value: Parameters<typeof localized>[0]) => localized(value, language, definition.defaultLanguage);
  const hrefFor = (locale: Locale) => `?${new URLSearchParams({ lang: locale, ...(customerId ? { customer_id: customerId } : {}), ...(token ? { t: token } : {}) })}`;

  return (
    <div lang={language} className="mx-auto w-full max-w-3xl px-4 py-6 sm:py-10">
      <header className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <h1 className="min-w-0 break-words text-2xl font-semibold text-slate-900">{text(definition.title)}</h1>
        {definition.languages.length > 1 && (
          <nav aria-label={t("survey.language")} className="flex gap-1 text-sm">
            {definition.languages.map((locale) => (
              <Link
                key={locale}
                href={hrefFor(locale)}
                lang={locale}
                aria-current={locale === language ? "true" : undefined}
                className={`rounded-md px-2.5 py-1.5 ${locale === language ? "bg-indigo-700 text-white" : "text-indigo-700 underline hover:bg-indigo-50"}`}
              >
                {LOCALE_NAMES[locale]}
              </Link>
            ))}
          </nav>
        )}
      </header>
      {definition.intro && <p className="mb-6 whitespace-pre-line text-slate-700">{text(definition.intro)}</p>}
      <I18nProvider locale={language} dictionary={dictionary}>
        {gate.state !== "open" ? (
          <RespondentNotice state={gate.state} t={t} />
        ) : survey.status === "closed" ? (
          <div className="rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
            <h2 className="text-xl font-semibold text-slate-900">{t("survey.closedTitle")}</h2>
            <p className="mt-2 text-slate-700">{t("survey.closedText")}</p>
          </div>
        ) : (
          <RespondentForm publicId={survey.publicId} definition={definition} language={language} customerId={customerId} token={token} maxDiffDesigns={maxDiffDesignsOf(definition)} />
        )}
      </I18nProvider>
    </div>
  );
}
