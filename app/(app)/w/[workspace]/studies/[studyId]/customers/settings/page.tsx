import { notFound } from "next/navigation";
import { CustomerMetricSettingsForm } from "@/components/customers/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { getMetricSettings } from "@/db/queries/customer-metrics";
import { findStudy } from "@/db/queries/studies";
import { requireWorkspacePage } from "@/lib/auth/access";
import { readStoredSettings } from "@/lib/customers/metrics/schemas";
import { getTranslator } from "@/lib/i18n/server";

export default async function CustomerMetricSettingsPage({ params }: PageProps<"/w/[workspace]/studies/[studyId]/customers/settings">) {
  const { workspace: slug, studyId } = await params;
  const ctx = await requireWorkspacePage(slug, "customers:import");
  const key = { workspaceId: ctx.workspace.id, studyId };
  if (!(await findStudy(ctx.db, key))) notFound();
  const { t } = await getTranslator();
  const settings = readStoredSettings(await getMetricSettings(ctx.db, key));
  return (
    <div>
      <PageHeader title={t("customerMetrics.settingsTitle")} description={t("customerMetrics.settingsIntro")} />
      <CustomerMetricSettingsForm workspaceSlug={slug} studyId={studyId} settings={settings} />
    </div>
  );
}
