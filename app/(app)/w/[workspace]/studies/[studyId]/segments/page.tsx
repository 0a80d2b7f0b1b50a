import { notFound } from "next/navigation";
import Link from "next/link";
import { RunSegmentationForm } from "@/components/segments/run-segmentation-form";
import { RunsTable } from "@/components/sweep/runs-table";
import { buttonClass } from "@/components/ui/button-class";
import { SavedSolutionsTable } from "@/components/segments/saved-solutions-table";
import { RuleBasedSolutionForm } from "@/components/segments/solution/rule-based-solution-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { findLatestMetricSnapshot } from "@/db/queries/segment-descriptors";
import { listSegmentations } from "@/db/queries/segmentations";
import { findStudy } from "@/db/queries/studies";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/i18n/server";
import { listBasisOptions } from "@/lib/segmentation/list-basis-options";
import { listStudyRuns } from "@/lib/segmentation/sweep/get-run";

// The study's Segments tab: saved solutions for every reader, the k-means run for those who may run analyses.
export default async function SegmentsPage({ params }: PageProps<"/w/[workspace]/studies/[studyId]/segments">) {
  const { workspace: slug, studyId } = await params;
  const ctx = await requireWorkspacePage(slug, "segments:read");
  const study = await findStudy(ctx.db, { workspaceId: ctx.workspace.id, studyId });
  if (!study) notFound();
  const { t } = await getTranslator();
  const canRun = can(ctx.role, "analysis:run");
  const [solutions, basisOptions, metricSnapshot, runs] = await Promise.all([
    listSegmentations(ctx.db, { workspaceId: ctx.workspace.id, studyId }),
    canRun ? listBasisOptions(ctx.db, { workspaceId: ctx.workspace.id, studyId }) : Promise.resolve([]),
    canRun ? findLatestMetricSnapshot(ctx.db, { workspaceId: ctx.workspace.id, studyId }) : Promise.resolve(undefined),
    listStudyRuns(ctx.db, { workspaceId: ctx.workspace.id, studyId }),
  ]);
  const basePath = `/w/${slug}/studies/${studyId}/segments`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("segments.title")}
        description={t("segments.intro")}
        actions={
          canRun && basisOptions.length > 0 ? (
            <Link href={`${basePath}/new`} className={buttonClass("primary")}>
              {t("sweep.newAnalysis")}
            </Link>
          ) : undefined
        }
      />
      <section aria-labelledby="saved-solutions-heading" className="space-y-3">
        <h2 id="saved-solutions-heading" className="text-base font-semibold text-slate-900">{t("segments.savedTitle")}</h2>
        {solutions.length === 0 ? (
          <EmptyState title={t("segments.noSolutionsTitle")}>{t("segments.noSolutionsText")}</EmptyState>
        ) : (
          <SavedSolutionsTable solutions={solutions} basePath={basePath} />
        )}
      </section>
      {runs.length > 0 && (
        <section aria-labelledby="analysis-runs-heading" className="space-y-3">
          <h2 id="analysis-runs-heading" className="text-base font-semibold text-slate-900">{t("sweep.runsTitle")}</h2>
          <RunsTable runs={runs} basePath={basePath} />
        </section>
      )}
      {canRun &&
        (basisOptions.length === 0 ? (
          <EmptyState title={t("segments.noSurveysTitle")}>{t("segments.noSurveysText")}</EmptyState>
        ) : (
          <Card title={t("segments.runTitle")}>
            <RunSegmentationForm workspaceSlug={slug} studyId={studyId} surveys={basisOptions} />
          </Card>
        ))}
      {canRun && (
        <Card title={t("segmentSolution.ruleTitle")}>
          <div className="space-y-4">
            <p className="text-sm text-slate-600">{t("segmentSolution.ruleIntro")}</p>
            {metricSnapshot ? (
              <>
                <p className="text-sm text-slate-700">{t("segmentSolution.ruleMetricsDate", { date: metricSnapshot.referenceDate })}</p>
                <RuleBasedSolutionForm workspaceSlug={slug} studyId={studyId} />
              </>
            ) : (
              <p className="text-sm text-slate-700">{t("segmentSolution.ruleNoMetrics")}</p>
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
