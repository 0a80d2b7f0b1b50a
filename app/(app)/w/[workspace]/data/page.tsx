import Link from "next/link";
import { UploadForm } from "@/components/customer-data/upload-form";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listDataImports } from "@/db/queries/data-imports";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { importMaxBytes } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/server";

export default async function CustomerDataPage({ params }: PageProps<"/w/[workspace]/data">) {
  const { workspace: slug } = await params;
  const ctx = await requireWorkspacePage(slug, "customers:read");
  const { t, locale } = await getTranslator();
  const imports = await listDataImports(ctx.db, { workspaceId: ctx.workspace.id });
  const format = (n: number | null) => (n === null ? "" : new Intl.NumberFormat(locale).format(n));
  return (
    <div className="space-y-8">
      <PageHeader title={t("customerData.title")} description={t("customerData.intro")} />
      {can(ctx.role, "customers:import") && <UploadForm workspaceSlug={ctx.workspace.slug} maxBytes={importMaxBytes()} />}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold text-slate-900">{t("customerData.historyTitle")}</h2>
        {imports.length === 0 ? (
          <EmptyState title={t("customerData.historyEmpty")} />
        ) : (
          <DataTable
            caption={t("customerData.historyTitle")}
            columns={[
              { label: t("customerData.colFile") },
              { label: t("customerData.colKind") },
              { label: t("customerData.colStatus") },
              { label: t("customerData.colRows"), align: "right" },
              { label: t("customerData.colImported"), align: "right" },
              { label: t("customerData.colUnchanged"), align: "right" },
              { label: t("customerData.colBad"), align: "right" },
              { label: t("customerData.colCreated") },
            ]}
          >
            {imports.map((record) => (
              <tr key={record.id}>
                <td className="px-4 py-2">
                  <Link className="font-medium text-indigo-700 underline" href={`/w/${ctx.workspace.slug}/data/imports/${record.id}`}>
                    {record.fileName}
                  </Link>
                </td>
                <td className="px-4 py-2">{t(`customerData.kind_${record.kind}`)}</td>
                <td className="px-4 py-2">{t(`customerData.status_${record.status}`)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{format(record.rowCount)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{format(record.importedCount)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{format(record.unchangedCount)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{format(record.badRowCount)}</td>
                <td className="px-4 py-2 whitespace-nowrap">{record.createdAt.toLocaleString(locale)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
