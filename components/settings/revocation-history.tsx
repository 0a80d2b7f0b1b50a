import type { Role } from "@/lib/auth/roles";
import type { Translate } from "@/lib/i18n/translator";

type RevokedKey = { id: string; name: string; role: Role; prefix: string; revokedAt: Date | null; revokedReason: string | null };
type ClosedInvitation = {
  id: string;
  role: Role;
  email: string | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  acceptedAt: Date | null;
  acceptedByName: string | null;
  acceptedByEmail: string | null;
};

const REASONS = ["manual", "creator_removed", "creator_demoted"] as const;

function reasonText(t: Translate, reason: string | null): string {
  const known = REASONS.find((r) => r === reason) ?? "manual";
  return t(`access.reason_${known}`);
}

function invitationStatus(t: Translate, invitation: ClosedInvitation): string {
  if (invitation.revokedAt) return reasonText(t, invitation.revokedReason);
  if (!invitation.acceptedByName) return t("access.acceptedByUnknown");
  return t("access.acceptedBy", { name: `${invitation.acceptedByName} (${invitation.acceptedByEmail})` });
}

/** The members page's record of keys and invitation links that stopped working lately, and why. */
export function RevocationHistory({ apiKeys, invitations, locale, t }: { apiKeys: RevokedKey[]; invitations: ClosedInvitation[]; locale: string; t: Translate }) {
  const when = (date: Date | null) => (date ? date.toLocaleString(locale) : "");
  return (
    <section aria-labelledby="revocation-history-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="revocation-history-title" className="mb-3 text-base font-semibold text-slate-900">
        {t("access.historyTitle")}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{t("access.historyIntro")}</p>
      {apiKeys.length === 0 && invitations.length === 0 ? (
        <p className="text-sm text-slate-600">{t("access.historyEmpty")}</p>
      ) : (
        <div className="space-y-6">
          {apiKeys.length > 0 && (
            <table className="w-full text-sm">
              <caption className="mb-2 text-left text-sm font-semibold">{t("access.historyKeys")}</caption>
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="py-2">{t("access.colKey")}</th>
                  <th scope="col" className="py-2">{t("workspace.role")}</th>
                  <th scope="col" className="py-2">{t("access.colStatus")}</th>
                  <th scope="col" className="py-2">{t("access.colWhen")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {apiKeys.map((key) => (
                  <tr key={key.id}>
                    <td className="py-2">
                      <div className="font-medium">{key.name}</div>
                      <div className="font-mono text-xs text-slate-500">{key.prefix}…</div>
                    </td>
                    <td className="py-2">{t(`shell.role_${key.role}`)}</td>
                    <td className="py-2">{reasonText(t, key.revokedReason)}</td>
                    <td className="py-2">{when(key.revokedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {invitations.length > 0 && (
            <table className="w-full text-sm">
              <caption className="mb-2 text-left text-sm font-semibold">{t("access.historyInvitations")}</caption>
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="py-2">{t("access.colInvitation")}</th>
                  <th scope="col" className="py-2">{t("workspace.role")}</th>
                  <th scope="col" className="py-2">{t("access.colStatus")}</th>
                  <th scope="col" className="py-2">{t("access.colWhen")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {invitations.map((invitation) => (
                  <tr key={invitation.id} data-status={invitation.revokedAt ? "revoked" : "accepted"}>
                    <td className="py-2">{invitation.email ? t("access.invitationFor", { email: invitation.email }) : t("access.invitationAnyone")}</td>
                    <td className="py-2">{t(`shell.role_${invitation.role}`)}</td>
                    <td className="py-2">{invitationStatus(t, invitation)}</td>
                    <td className="py-2">{when(invitation.revokedAt ?? invitation.acceptedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
