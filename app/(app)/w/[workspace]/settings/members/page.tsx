import { InviteForm } from "@/components/settings/invite-form";
import { MemberRowControls } from "@/components/settings/member-row-controls";
import { MembersNoticeProvider } from "@/components/settings/members-notice";
import { RevocationHistory } from "@/components/settings/revocation-history";
import { RevokeButton } from "@/components/settings/revoke-button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listRevokedApiKeys } from "@/db/queries/api-keys";
import { listClosedInvitations, listOpenInvitations } from "@/db/queries/invitations";
import { listMembers } from "@/db/queries/workspaces";
import { requireWorkspacePage } from "@/lib/auth/access";
import { canGrant } from "@/lib/auth/roles";
import { appUrl } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/server";
import { grantableRoles } from "@/lib/workspaces/grantable-roles";

const HISTORY_DAYS = 30;
const HISTORY_ROWS = 50;

export default async function MembersPage({ params }: PageProps<"/w/[workspace]/settings/members">) {
  const { workspace: slug } = await params;
  const ctx = await requireWorkspacePage(slug, "members:manage");
  const { t, locale } = await getTranslator();
  const now = new Date();
  const since = new Date(now.getTime() - HISTORY_DAYS * 24 * 3600 * 1000);
  const [members, invitations, revokedKeys, closedInvitations] = await Promise.all([
    listMembers(ctx.db, { workspaceId: ctx.workspace.id }),
    listOpenInvitations(ctx.db, { workspaceId: ctx.workspace.id, now }),
    listRevokedApiKeys(ctx.db, { workspaceId: ctx.workspace.id, since, limit: HISTORY_ROWS }),
    listClosedInvitations(ctx.db, { workspaceId: ctx.workspace.id, since, limit: HISTORY_ROWS }),
  ]);
  const roles = grantableRoles(ctx.role);
  return (
    <div className="space-y-6">
      <PageHeader title={t("workspace.membersTitle")} description={t("workspace.membersIntro")} />
      <Card>
        <MembersNoticeProvider>
          <table className="w-full text-sm">
            <caption className="sr-only">{t("workspace.membersTitle")}</caption>
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-2">{t("auth.name")}</th>
                <th scope="col" className="py-2">{t("workspace.role")}</th>
                <th scope="col" className="py-2"><span className="sr-only">{t("shell.settings")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((member) => (
                <tr key={member.userId}>
                  <td className="py-2">
                    <div className="font-medium">{member.name}{member.userId === ctx.userId && ` (${t("workspace.you")})`}</div>
                    <div className="text-slate-500">{member.email}</div>
                  </td>
                  <td className="py-2">{t(`shell.role_${member.role}`)}</td>
                  <td className="py-2">
                    {member.userId !== ctx.userId && canGrant(ctx.role, member.role) && (
                      <MemberRowControls workspaceSlug={slug} userId={member.userId} name={member.name} role={member.role} grantableRoles={roles} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </MembersNoticeProvider>
      </Card>
      <Card title={t("workspace.inviteTitle")}>
        <p className="mb-4 text-sm text-slate-600">{t("workspace.roleHelp")}</p>
        <InviteForm workspaceSlug={slug} grantableRoles={roles} origin={appUrl()} />
        {invitations.length > 0 && (
          <div className="mt-6">
            <h3 className="mb-2 text-sm font-semibold">{t("workspace.openInvitations")}</h3>
            <ul className="divide-y divide-slate-100 text-sm">
              {invitations.map((invitation) => (
                <li key={invitation.id} className="flex items-center justify-between py-2">
                  <span>
                    {t(`shell.role_${invitation.role}`)} · {invitation.email ? t("access.invitationFor", { email: invitation.email }) : t("access.invitationAnyone")} ·{" "}
                    {invitation.expiresAt.toLocaleDateString(locale)}
                  </span>
                  <RevokeButton workspaceSlug={slug} kind="invitation" id={invitation.id} label={t(`shell.role_${invitation.role}`)} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>
      <RevocationHistory apiKeys={revokedKeys} invitations={closedInvitations} locale={locale} t={t} />
    </div>
  );
}
