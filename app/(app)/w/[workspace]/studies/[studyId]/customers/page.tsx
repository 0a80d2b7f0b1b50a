import Link from "next/link";
import { notFound } from "next/navigation";
import { MetricCharts } from "@/components/customers/metric-charts";
import { CustomerTable } from "@/components/customers/customer-table";
import { RecomputeButton } from "@/components/customers/recompute-button";
import { RespondentJoinPanel } from "@/components/customers/respondent-join";
import { SegmentTable } from "@/components/customers/segment-table";
import { SnapshotSummaryView } from "@/components/customers/snapshot-summary";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { loadCustomerOverview } from "@/lib/customers/metrics/load-overview";
import { customerTableParams, ZCustomerTableQuery } from "@/lib/customers/metrics/schemas";
import { isAppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";

export default async function CustomersPage({ params, searchParams }: PageProps<"/w/[workspace]/studies/[studyId]/customers">) {
  const { workspace: slug, studyId } = await params;
  const ctx = await requireWorkspacePage(slug, "customers:read");
  const { t, locale } = await getTranslator();
  const parsed = ZCustomerTableQuery.safeParse(customerTableParams(await searchParams));
  const table = parsed.success ? parsed.data : ZCustomerTableQuery.parse({});
  const overview = await loadCustomerOverview(ctx.db, { workspaceId: ctx.workspace.id, studyId, table }).catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const base = `/w/${slug}/studies/${studyId}/customers`;
  const mayChange = can(ctx.role, "customers:import");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("customers.title")}
        description={t("customerMetrics.intro")}
        actions={
          mayChange ? (
            <>
              <Link href={`${base}/settings`} className={buttonClass("secondary")}>{t("customerMetrics.settingsLink")}</Link>
              <RecomputeButton workspaceSlug={slug} studyId={studyId} pendingJobId={overview.pendingJobId} />
            </>
          ) : undefined
        }
      />
      {!overview.snapshot || !overview.snapshot.summary ? (
        <EmptyState title={t("customerMetrics.noSnapshotTitle")}>
          {t("customerMetrics.noSnapshotText")}{" "}
          <Link href={`/w/${slug}/data`} className="text-indigo-700 underline">{t("customerMetrics.customerDataLink")}</Link>
        </EmptyState>
      ) : (
        <>
          <SnapshotSummaryView
            t={t}
            locale={locale}
            summary={overview.snapshot.summary}
            computedAt={overview.snapshot.computedAt}
            settings={overview.settings}
            history={overview.snapshots}
          />
          <MetricCharts t={t} locale={locale} histograms={overview.histograms} grid={overview.grid} summary={overview.snapshot.summary} settings={overview.settings} />
          <SegmentTable t={t} locale={locale} segments={overview.segments} />
          <RespondentJoinPanel t={t} locale={locale} join={overview.join} />
          <CustomerTable t={t} locale={locale} basePath={base} query={{ q: table.q, segment: table.segment, tier: table.tier }} table={overview.table} showTier={overview.snapshot.summary.hasUsage} />
        </>
      )}
    </div>
  );
}
