import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listRespondentCustomers } from "@/db/queries/respondent-customers";
import { requireWorkspacePage } from "@/lib/auth/access";
import { getTranslator } from "@/lib/i18n/server";

export default async function CustomersPage({ params }: PageProps<"/w/[workspace]/studies/[studyId]/customers">) {
  const { workspace: slug, studyId } = await params;
  const ctx = await requireWorkspacePage(slug, "responses:read");
  const { t, locale } = await getTranslator();
  const customers = await listRespondentCustomers(ctx.db, { workspaceId: ctx.workspace.id, studyId });
  return (
    <div>
      <PageHeader title={t("customers.title")} description={t("customers.intro")} />
      {customers.length === 0 ? (
        <EmptyState title={t("customers.emptyTitle")}>{t("customers.emptyText")}</EmptyState>
      ) : (
        <DataTable
          caption={t("customers.tableCaption")}
          columns={[
            { label: t("customers.customerId") },
            { label: t("customers.responses"), align: "right" },
            { label: t("customers.firstAnswer") },
            { label: t("customers.lastAnswer") },
          ]}
        >
              {customers.map((row) => (
                <tr key={row.customerId}>
                  <td className="px-4 py-2 font-mono">{row.customerId}</td>
                  <td className="px-4 py-2 text-right">{row.responseCount}</td>
                  <td className="px-4 py-2">{row.firstAnsweredAt ? new Date(row.firstAnsweredAt).toLocaleString(locale) : ""}</td>
                  <td className="px-4 py-2">{row.lastAnsweredAt ? new Date(row.lastAnsweredAt).toLocaleString(locale) : ""}</td>
                </tr>
              ))}
        </DataTable>
      )}
    </div>
  );
}
