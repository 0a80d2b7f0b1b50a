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
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("customers.tableCaption")}</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">{t("customers.customerId")}</th>
                <th scope="col" className="px-4 py-2 text-right">{t("customers.responses")}</th>
                <th scope="col" className="px-4 py-2">{t("customers.firstAnswer")}</th>
                <th scope="col" className="px-4 py-2">{t("customers.lastAnswer")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {customers.map((row) => (
                <tr key={row.customerId}>
                  <td className="px-4 py-2 font-mono">{row.customerId}</td>
                  <td className="px-4 py-2 text-right">{row.responseCount}</td>
                  <td className="px-4 py-2">{row.firstAnsweredAt ? new Date(row.firstAnsweredAt).toLocaleString(locale) : ""}</td>
                  <td className="px-4 py-2">{row.lastAnsweredAt ? new Date(row.lastAnsweredAt).toLocaleString(locale) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
