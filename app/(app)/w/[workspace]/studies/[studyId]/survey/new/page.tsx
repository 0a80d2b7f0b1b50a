import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportSurveyForm } from "@/components/surveys/import-survey-form";
import { SurveyDesigner } from "@/components/surveys/designer/survey-designer";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { findStudy } from "@/db/queries/studies";
import { requireWorkspacePage } from "@/lib/auth/access";
import { getTranslator } from "@/lib/i18n/server";
import { newDefinition } from "@/lib/surveys/question-templates";
import { isSurveyTemplateId, SURVEY_TEMPLATE_IDS, SURVEY_TEMPLATES } from "@/lib/surveys/templates";

/** The designer for a survey that does not exist yet (blank, from a template or from a JSON file); saving creates it. */
export default async function NewSurveyPage({ params, searchParams }: PageProps<"/w/[workspace]/studies/[studyId]/survey/new">) {
  const { workspace: slug, studyId } = await params;
  const template = (await searchParams).template;
  const ctx = await requireWorkspacePage(slug, "survey:write");
  if (!(await findStudy(ctx.db, { workspaceId: ctx.workspace.id, studyId }))) notFound();
  const { t } = await getTranslator();
  const chosen = isSurveyTemplateId(template) ? template : undefined;
  const initial = chosen ? SURVEY_TEMPLATES[chosen]() : newDefinition();
  const here = `/w/${slug}/studies/${studyId}/survey/new`;
  const choiceClass = (active: boolean) =>
    `rounded-full border px-3 py-1 text-sm ${active ? "border-indigo-700 bg-indigo-50 font-medium text-indigo-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`;
  return (
    <div className="space-y-6">
      <PageHeader title={t("survey.designerNewTitle")} description={t("survey.designerIntro")} />
      <nav aria-label={t("surveyStart.startFrom")} className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium text-slate-700">{t("surveyStart.startFrom")}:</span>
        <Link href={here} className={choiceClass(!chosen)} aria-current={!chosen ? "page" : undefined}>
          {t("surveyStart.blank")}
        </Link>
        {SURVEY_TEMPLATE_IDS.map((id) => (
          <Link key={id} href={`${here}?template=${id}`} className={choiceClass(chosen === id)} aria-current={chosen === id ? "page" : undefined}>
            {t(`surveyStart.template_${id}`)}
          </Link>
        ))}
      </nav>
      {/* Keyed by template so switching templates starts a fresh form. */}
      <SurveyDesigner key={chosen ?? "blank"} workspaceSlug={slug} studyId={studyId} initial={initial} reserved={{ questionIds: [], byQuestion: {} }} />
      <Card title={t("surveyStart.importTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("surveyStart.importHint")}</p>
        <ImportSurveyForm workspaceSlug={slug} studyId={studyId} />
      </Card>
    </div>
  );
}
