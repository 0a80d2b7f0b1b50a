import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button-class";
import { SurveyDesigner } from "@/components/surveys/designer/survey-designer";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspacePage } from "@/lib/auth/access";
import { getTranslator } from "@/lib/i18n/server";
import { loadSurveyDesigner } from "@/lib/surveys/load-survey-designer";

/** The designer for an existing survey's draft; publishing from here makes a new version. */
export default async function EditSurveyPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; studyId: string; surveyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspace: slug, studyId, surveyId } = await params;
  const ctx = await requireWorkspacePage(slug, "survey:write");
  const loaded = await loadSurveyDesigner(ctx.db, { workspaceId: ctx.workspace.id, surveyId });
  if (!loaded || loaded.survey.studyId !== studyId) notFound();
  const { t } = await getTranslator();
  const base = `/w/${slug}/studies/${studyId}/survey`;
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Link href={`${base}/${surveyId}`} className="text-sm text-indigo-700 underline">
          ← {loaded.survey.title}
        </Link>
        {/* The preview shows the saved draft: save first to see the latest edits. */}
        <Link href={`${base}/${surveyId}/preview`} className={buttonClass("secondary")}>
          {t("surveyPages.previewLink")}
        </Link>
      </div>
      <PageHeader title={t("survey.designerEditTitle")} description={t("survey.designerIntro")} />
      <SurveyDesigner
        workspaceSlug={slug}
        studyId={studyId}
        surveyId={surveyId}
        initial={loaded.survey.definition}
        reserved={loaded.reserved}
        justSaved={(await searchParams).saved === "1"}
      />
    </div>
  );
}
