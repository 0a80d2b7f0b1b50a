import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { I18nProvider } from "@/components/i18n-provider";
import { RespondentForm } from "@/components/surveys/respondent/respondent-form";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { getTranslator } from "@/lib/i18n/server";
import { dictionaryFor, translate } from "@/lib/i18n/translate";
import { localized, type SurveyDefinition } from "@/lib/surveys/definition";
import { loadSurveyPreview } from "@/lib/surveys/load-survey-preview";
import { maxDiffDesignsOf } from "@/lib/surveys/maxdiff-question";
import { requirePreviewAccess } from "@/lib/surveys/preview-access";

type Props = { params: Promise<{ workspace: string; surveyId: string }>; searchParams: Promise<{ lang?: string | string[] }> };

export const metadata: Metadata = { robots: { index: false } };

function previewLanguage(definition: SurveyDefinition, requested: unknown): Locale {
  return isLocale(requested) && definition.languages.includes(requested) ? requested : definition.defaultLanguage;
}

/**
 * The respondent page of a survey's current draft, without the app shell, for the preview's
 * phone and desktop frames. Signed-in members only; the form never saves or submits.
 */
export default async function SurveyPreviewFramePage({ params, searchParams }: Props) {
  const { workspace: slug, surveyId } = await params;
  const ctx = await requirePreviewAccess(slug);
  const loaded = await loadSurveyPreview(ctx.db, { workspaceId: ctx.workspace.id, surveyId });
  if (!loaded) notFound();
  const { definition, survey } = loaded;
  if (!definition) {
    const { t } = await getTranslator();
    return <p className="p-4 text-red-800">{t("surveyPages.invalidDraft")}</p>;
  }
  const lang = (await searchParams).lang;
  const language = previewLanguage(definition, Array.isArray(lang) ? lang[0] : lang);
  const t = translate(language);
  // The same texts the public respondent page sends, in the survey's language.
  const dictionary = Object.fromEntries(
    Object.entries(dictionaryFor(language)).filter(([key]) => ["survey.", "questions.", "maxdiff.", "responses.respondent", "surveyPages.", "answerErrors."].some((prefix) => key.startsWith(prefix))),
  );
  const text = (value: Parameters<typeof localized>[0]) => localized(value, language, definition.defaultLanguage);
  return (
    <div lang={language} className="mx-auto w-full max-w-3xl px-4 py-6 sm:py-10">
      <p role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm font-medium text-amber-900">
        {t("surveyPages.previewBanner")}
      </p>
      <h1 className="mb-6 min-w-0 break-words text-2xl font-semibold text-slate-900">{text(definition.title)}</h1>
      {definition.intro && <p className="mb-6 whitespace-pre-line text-slate-700">{text(definition.intro)}</p>}
      <I18nProvider locale={language} dictionary={dictionary}>
        <RespondentForm publicId={survey.publicId} definition={definition} language={language} maxDiffDesigns={maxDiffDesignsOf(definition)} mode="preview" />
      </I18nProvider>
    </div>
  );
}
