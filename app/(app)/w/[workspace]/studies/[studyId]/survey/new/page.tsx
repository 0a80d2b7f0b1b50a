import { notFound } from "next/navigation";
import { SurveyDesigner } from "@/components/surveys/designer/survey-designer";
import { PageHeader } from "@/components/ui/page-header";
import { findStudy } from "@/db/queries/studies";
import { requireWorkspacePage } from "@/lib/auth/access";
import { getTranslator } from "@/lib/i18n/server";
import { newDefinition } from "@/lib/surveys/question-templates";

/** The designer for a survey that does not exist yet; saving the draft creates it. */
export default async function NewSurveyPage({ params }: { params: Promise<{ workspace: string; studyId: string }> }) {
  const { workspace: slug, studyId } = await params;
  const ctx = await requireWorkspacePage(slug, "survey:write");
  if (!(await findStudy(ctx.db, { workspaceId: ctx.workspace.id, studyId }))) notFound();
  const { t } = await getTranslator();
  return (
    <div>
      <PageHeader title={t("survey.designerNewTitle")} description={t("survey.designerIntro")} />
      <SurveyDesigner workspaceSlug={slug} studyId={studyId} initial={newDefinition()} reserved={{ questionIds: [], byQuestion: {} }} />
    </div>
  );
}
