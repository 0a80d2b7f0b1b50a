import Link from "next/link";
import { notFound } from "next/navigation";
import { SurveyPreviewFrame } from "@/components/surveys/preview/survey-preview-frame";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/i18n/server";
import { loadSurveyPreview } from "@/lib/surveys/load-survey-preview";
import { requirePreviewAccess } from "@/lib/surveys/preview-access";

/** The current draft as respondents see it, on a phone or a desktop, in each of its languages; answers are never saved. */
export default async function SurveyPreviewPage({ params }: { params: Promise<{ workspace: string; studyId: string; surveyId: string }> }) {
  const { workspace: slug, studyId, surveyId } = await params;
  const ctx = await requirePreviewAccess(slug);
  const loaded = await loadSurveyPreview(ctx.db, { workspaceId: ctx.workspace.id, surveyId });
  if (!loaded || loaded.survey.studyId !== studyId) notFound();
  const { t } = await getTranslator();
  const base = `/w/${slug}/studies/${studyId}/survey/${surveyId}`;
  return (
    <div className="space-y-4">
      <Link href={base} className="text-sm text-indigo-700 underline">
        ← {loaded.survey.title}
      </Link>
      <PageHeader title={t("surveyPages.previewTitle")} description={t("surveyPages.previewIntro")} />
      <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 font-medium text-amber-900">
        {t("surveyPages.previewBanner")}
      </p>
      {loaded.definition ? (
        <SurveyPreviewFrame frameUrl={`/preview/${slug}/${surveyId}`} languages={loaded.definition.languages} defaultLanguage={loaded.definition.defaultLanguage} />
      ) : (
        <div role="alert" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="font-medium">{t("surveyPages.invalidDraft")}</p>
          <ul className="list-disc pl-5 text-sm">
            {loaded.problems.map((problem, i) => (
              <li key={i}>
                {problem.path && <span className="font-mono">{problem.path}: </span>}
                {problem.message}
              </li>
            ))}
          </ul>
          {can(ctx.role, "survey:write") && (
            <Link href={`${base}/edit`} className="text-sm text-indigo-700 underline">
              {t("surveyPages.backToDesigner")}
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
