import { ApiKeyForm } from "@/components/settings/api-key-form";
import { RevokeButton } from "@/components/settings/revoke-button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/db/queries/api-keys";
import { requireWorkspacePage } from "@/lib/auth/access";
import { getTranslator } from "@/lib/i18n/server";
import { grantableRoles } from "@/lib/workspaces/grantable-roles";

export default async function ApiKeysPage({ params }: PageProps<"/w/[workspace]/settings/api-keys">) {
  const { workspace: slug } = await params;
  const ctx = await requireWorkspacePage(slug, "apikeys:manage");
  const { t, locale } = await getTranslator();
  const keys = await listApiKeys(ctx.db, { workspaceId: ctx.workspace.id });
  return (
    <div className="space-y-6">
      <PageHeader title={t("workspace.apiKeysTitle")} description={t("workspace.apiKeysIntro")} />
      <Card>
        <ApiKeyForm workspaceSlug={slug} grantableRoles={grantableRoles(ctx.role)} />
      </Card>
      <Card>
        {keys.length === 0 ? (
          <p className="text-sm text-slate-600">{t("workspace.noKeys")}</p>
        ) : (
          <table className="w-full text-sm">
            <caption className="sr-only">{t("workspace.apiKeysTitle")}</caption>
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-2">{t("workspace.keyName")}</th>
                <th scope="col" className="py-2">{t("workspace.role")}</th>
                <th scope="col" className="py-2">{t("workspace.created")}</th>
                <th scope="col" className="py-2">{t("workspace.lastUsed")}</th>
                <th scope="col" className="py-2"><span className="sr-only">{t("workspace.revoke")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((key) => (
                <tr key={key.id}>
                  <td className="py-2">
                    <div className="font-medium">{key.name}</div>
                    <div className="font-mono text-xs text-slate-500">{key.prefix}…</div>
                  </td>
                  <td className="py-2">{t(`shell.role_${key.role}`)}</td>
                  <td className="py-2">{key.createdAt.toLocaleDateString(locale)}</td>
                  <td className="py-2">{key.lastUsedAt ? key.lastUsedAt.toLocaleString(locale) : t("workspace.never")}</td>
                  <td className="py-2 text-right">
                    <RevokeButton workspaceSlug={slug} kind="apiKey" id={key.id} label={key.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
