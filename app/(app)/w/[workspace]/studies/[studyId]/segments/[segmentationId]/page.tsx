import Link from "next/link";
import { notFound } from "next/navigation";
import { SegmentProfilePlot } from "@/components/charts/segment-profile-plot";
import { SegmentSizesOverTimeChart } from "@/components/charts/segment-sizes-over-time-chart";
import { SolutionMapChart } from "@/components/charts/solution-map-chart";
import { SampleSizeWarning } from "@/components/segments/sample-size-warning";
import { SegmentProfileTable } from "@/components/segments/segment-profile-table";
import { SegmentSizesTable } from "@/components/segments/segment-sizes-table";
import { AssignRespondents } from "@/components/segments/solution/assign-respondents";
import { CompareSolutionsSection } from "@/components/segments/solution/compare-solutions-section";
import { DescriptorTables } from "@/components/segments/solution/descriptor-tables";
import { methodLabel, variableLabel } from "@/components/segments/solution/labels";
import { SegmentKpiTable } from "@/components/segments/solution/segment-kpi-table";
import { SolutionSection } from "@/components/segments/solution/solution-section";
import { SolutionStats } from "@/components/segments/solution/solution-stats";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { listSegmentations } from "@/db/queries/segmentations";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/i18n/server";
import { getSegmentation } from "@/lib/segmentation/get-segmentation";
import { compareFromQuery } from "@/lib/segmentation/solution/compare-solutions";
import { loadSolutionView } from "@/lib/segmentation/solution/load-solution-view";
import { loadSizesOverTime } from "@/lib/segmentation/solution/sizes-over-time";

// A saved solution: profile plot, descriptors and KPIs for every reader; map, membership and later assignment for those allowed.
export default async function SegmentationPage({ params, searchParams }: PageProps<"/w/[workspace]/studies/[studyId]/segments/[segmentationId]">) {
  const { workspace: slug, studyId, segmentationId } = await params;
  const { compare } = await searchParams;
  const ctx = await requireWorkspacePage(slug, "segments:read");
  const workspaceId = ctx.workspace.id;
  const solution = await getSegmentation(ctx.db, { workspaceId, segmentationId });
  if (!solution || solution.studyId !== studyId) notFound();
  const { t, locale } = await getTranslator();
  // The map shows respondent-level points and the CSV customer ids: both need access to responses.
  const canReadResponses = can(ctx.role, "responses:read");
  const canRun = can(ctx.role, "analysis:run");
  const isKMeans = solution.method === "kmeans";
  const [{ description, map }, solutions, sizes, compared] = await Promise.all([
    loadSolutionView(ctx.db, { workspaceId, solution, withMap: canReadResponses }),
    listSegmentations(ctx.db, { workspaceId, studyId }),
    loadSizesOverTime(ctx.db, { workspaceId, segmentationId, k: solution.summary.k }),
    compareFromQuery(ctx.db, { workspaceId, solution, otherId: typeof compare === "string" && compare ? compare : undefined }),
  ]);
  const { summary } = solution;
  const segmentNames = summary.segments.map((segment) => segment.name);
  const date = (value: Date) => value.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
  const snapshotDate = description.snapshot ? new Date(`${description.snapshot.referenceDate}T00:00:00Z`).toLocaleDateString(locale, { dateStyle: "medium", timeZone: "UTC" }) : "";
  return (
    <div className="space-y-8">
      <Link href={`/w/${slug}/studies/${studyId}/segments`} className="text-sm text-indigo-700 underline">
        ← {t("segments.allSolutions")}
      </Link>
      <PageHeader
        title={solution.name}
        description={
          isKMeans
            ? t("segments.solutionMeta", { survey: solution.survey?.title ?? "—", date: date(solution.createdAt) })
            : t("segmentSolution.ruleBasedMeta", { method: methodLabel(t, solution.method), date: snapshotDate || "—", n: summary.respondentCount.toLocaleString(locale) })
        }
      />
      {isKMeans && <SolutionStats summary={summary} />}
      {isKMeans && summary.sampleSize.belowRecommendation && (
        <SampleSizeWarning usable={summary.respondentCount} minimum={summary.sampleSize.recommendedMinimum} statements={summary.variables.length} />
      )}
      <SegmentSizesTable summary={summary} />

      <SolutionSection id="profile-plot" title={t("segmentSolution.profilePlotsTitle")} intro={summary.variables.length ? t("segmentSolution.profilePlotsIntro") : t("segmentSolution.noBasisVariables")}>
        {summary.variables.length > 0 && (
          <>
            <SegmentProfilePlot summary={summary} />
            <SegmentProfileTable summary={{ ...summary, variables: summary.variables.map((variable) => ({ ...variable, label: variableLabel(t, variable) })) }} />
          </>
        )}
      </SolutionSection>

      <SolutionSection
        id="descriptors"
        title={t("segmentSolution.descriptorsTitle")}
        intro={`${t("segmentSolution.descriptorsIntro", { assigned: description.assignedCount.toLocaleString(locale), matched: description.matchedCount.toLocaleString(locale), min: description.minGroupSize })} ${description.snapshot ? t("segmentSolution.descriptorsSnapshot", { date: snapshotDate }) : t("segmentSolution.descriptorsNoMetrics")}`}
      >
        <SegmentKpiTable segments={description.kpis.segments} total={description.kpis.total} names={segmentNames} minGroupSize={description.minGroupSize} withCustomers={description.matchedCount > 0} />
        {description.descriptors.length === 0 ? (
          <p className="text-sm text-slate-600">{t("segmentSolution.descriptorsNone")}</p>
        ) : (
          <DescriptorTables descriptors={description.descriptors} segmentNames={segmentNames} minGroupSize={description.minGroupSize} />
        )}
      </SolutionSection>

      {map && (
        <SolutionSection id="map" title={t("segmentSolution.mapTitle")}>
          {map.ok ? (
            <SolutionMapChart map={map.map} segmentNames={segmentNames} variableLabels={summary.variables.map((variable) => variableLabel(t, variable))} />
          ) : (
            <p className="text-sm text-slate-600">{t("segmentSolution.mapUnavailable", { reason: map.reason })}</p>
          )}
        </SolutionSection>
      )}

      <SolutionSection id="compare" title={t("segmentSolution.compareTitle")} intro={t("segmentSolution.compareIntro")}>
        <CompareSolutionsSection
          others={solutions.filter((other) => other.id !== solution.id).map((other) => ({ id: other.id, name: other.name }))}
          selectedId={typeof compare === "string" ? compare : undefined}
          comparison={compared.comparison}
          error={compared.error}
          solutionName={solution.name}
        />
      </SolutionSection>

      {canRun ? (
        <SolutionSection id="over-time" title={t("segmentSolution.assignTitle")} intro={isKMeans ? t("segmentSolution.assignIntro", { survey: solution.survey?.title ?? "—" }) : t("segmentSolution.assignRuleBased")}>
          {isKMeans && <AssignRespondents workspaceSlug={slug} segmentationId={solution.id} />}
          {sizes.months.length > 0 && <SegmentSizesOverTimeChart sizes={sizes} segmentNames={segmentNames} />}
        </SolutionSection>
      ) : (
        sizes.months.length > 0 && (
          <SolutionSection id="over-time" title={t("segmentSolution.sizesTitle")}>
            <SegmentSizesOverTimeChart sizes={sizes} segmentNames={segmentNames} />
          </SolutionSection>
        )
      )}

      {canReadResponses && (
        <SolutionSection id="membership" title={t("segmentSolution.membershipTitle")} intro={t("segmentSolution.membershipIntro")}>
          <a className={buttonClass("secondary")} href={`/api/v1/segmentations/${solution.id}/membership?format=csv&workspace=${encodeURIComponent(slug)}`} download>
            {t("segmentSolution.membershipDownload")}
          </a>
        </SolutionSection>
      )}
    </div>
  );
}
