import Link from "next/link";
import { notFound } from "next/navigation";
import { JobProgress } from "@/components/jobs/job-progress";
import { SweepResultsView } from "@/components/sweep/sweep-results-view";
import { PageHeader } from "@/components/ui/page-header";
import { findAnalysableSurvey } from "@/db/queries/segmentations";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/i18n/server";
import { getAnalysisRun } from "@/lib/segmentation/sweep/get-run";

// One k sweep: live progress while the job runs, then scree, silhouette, stability, the recommendation and the pick of k.
export default async function AnalysisRunPage({ params }: PageProps<"/w/[workspace]/studies/[studyId]/segments/runs/[runId]">) {
  const { workspace: slug, studyId, runId } = await params;
  const ctx = await requireWorkspacePage(slug, "segments:read");
  const run = await getAnalysisRun(ctx.db, { workspaceId: ctx.workspace.id, runId });
  if (!run || run.studyId !== studyId) notFound();
  const { t } = await getTranslator();
  const survey = await findAnalysableSurvey(ctx.db, { workspaceId: ctx.workspace.id, studyId, surveyId: run.config.surveyId });
  const { config } = run;
  const running = run.status === "queued" || run.status === "running";
  return (
    <div className="space-y-6">
      <Link href={`/w/${slug}/studies/${studyId}/segments`} className="text-sm text-indigo-700 underline">
        ← {t("sweep.allSegments")}
      </Link>
      <PageHeader
        title={run.name || t("sweep.resultsTitle")}
        description={t("sweep.runMeta", {
          survey: survey?.title ?? "—",
          n: run.results?.respondentCount ?? run.respondentCount ?? 0,
          kMin: config.kMin,
          kMax: config.kMax,
          restarts: config.restarts,
          bootstraps: config.bootstraps,
          seed: config.seed,
        })}
      />
      {running &&
        (run.jobId && can(ctx.role, "jobs:manage") ? (
          <JobProgress workspaceSlug={slug} jobId={run.jobId} unitLabel={t("sweep.progressUnit")} canCancel={can(ctx.role, "analysis:run")} />
        ) : (
          <p role="status" className="text-sm text-slate-700">{t(`sweep.status_${run.status}`)}</p>
        ))}
      {run.status === "failed" && <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{t("sweep.runFailed", { error: run.error ?? "" })}</p>}
      {run.status === "cancelled" && <p role="status" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800">{t("sweep.runCancelled")}</p>}
      {run.status === "succeeded" && run.results && (
        <SweepResultsView workspaceSlug={slug} runId={run.id} results={run.results} canSave={can(ctx.role, "analysis:run")} />
      )}
    </div>
  );
}
