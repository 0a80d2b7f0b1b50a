import Link from "next/link";
import { notFound } from "next/navigation";
import { DatasetForm } from "@/components/sweep/dataset-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { findStudy } from "@/db/queries/studies";
import { requireWorkspacePage } from "@/lib/auth/access";
import { getTranslator } from "@/lib/i18n/server";
import { listDatasetOptions } from "@/lib/segmentation/dataset/load-dataset";

// The analysis dataset page: choose variables and preprocessing, explore the data, start the k sweep.
export default async function NewAnalysisPage({ params }: PageProps<"/w/[workspace]/studies/[studyId]/segments/new">) {
  const { workspace: slug, studyId } = await params;
  const ctx = await requireWorkspacePage(slug, "analysis:run");
  const study = await findStudy(ctx.db, { workspaceId: ctx.workspace.id, studyId });
  if (!study) notFound();
  const { t } = await getTranslator();
  const options = await listDatasetOptions(ctx.db, { workspaceId: ctx.workspace.id, studyId });
  return (
    <div className="space-y-6">
      <Link href={`/w/${slug}/studies/${studyId}/segments`} className="text-sm text-indigo-700 underline">
        ← {t("sweep.allSegments")}
      </Link>
      <PageHeader title={t("sweep.datasetTitle")} description={t("sweep.datasetIntro")} />
      {options.surveys.length === 0 ? (
        <EmptyState title={t("segments.noSurveysTitle")}>{t("segments.noSurveysText")}</EmptyState>
      ) : (
        <DatasetForm workspaceSlug={slug} studyId={studyId} options={options} />
      )}
    </div>
  );
}
