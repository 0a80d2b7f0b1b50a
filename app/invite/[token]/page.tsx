import { redirect } from "next/navigation";
import { AcceptInvitationButton } from "@/components/workspaces/accept-invitation-button";
import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { invitationLinkState } from "@/lib/workspaces/invitations";

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signup?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);
  const { t } = await getTranslator();
  const link = await invitationLinkState(getDb(), { token, userEmail: user.email });
  const refusal = { used: t("access.invitationUsed"), other_email: t("access.invitationOtherEmail"), invalid: t("workspace.invitationInvalid") };
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {link.state === "open" ? (
          <>
            <h1 className="text-lg font-semibold">{t("workspace.joinTitle", { workspace: link.workspaceName })}</h1>
            <p className="mt-2 text-sm text-slate-600">{t("workspace.joinText", { role: t(`shell.role_${link.role}`) })}</p>
            <div className="mt-6">
              <AcceptInvitationButton token={token} />
            </div>
          </>
        ) : (
          <p role="alert">{refusal[link.state]}</p>
        )}
      </div>
    </main>
  );
}
