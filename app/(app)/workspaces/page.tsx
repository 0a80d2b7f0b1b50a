import Link from "next/link";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { UserMenu } from "@/components/shell/user-menu";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listWorkspacesForUser } from "@/db/queries/workspaces";
import { requireUserPage } from "@/lib/auth/access";
import { getTranslator } from "@/lib/i18n/server";

export default async function WorkspacesPage() {
  const user = await requireUserPage();
  const { t } = await getTranslator();
  const workspaces = await listWorkspacesForUser(getDb(), { userId: user.id });
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <div className="flex items-center justify-between">
        <p className="text-2xl font-bold text-indigo-800">{t("shell.appName")}</p>
        <div className="flex items-center gap-4">
          <LanguageSwitcher />
          <UserMenu />
        </div>
      </div>
      <h1 className="text-xl font-semibold">{workspaces.length ? t("workspace.yourWorkspaces") : t("workspace.noWorkspacesTitle")}</h1>
      {workspaces.length > 0 ? (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {workspaces.map((workspace) => (
            <li key={workspace.id} className="flex items-center justify-between px-4 py-3">
              <Link href={`/w/${workspace.slug}`} className="font-medium text-indigo-700 underline">
                {workspace.name}
              </Link>
              <span className="text-sm text-slate-500">{t(`shell.role_${workspace.role}`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t("workspace.noWorkspacesText")}</p>
      )}
      <Card title={t("shell.newWorkspace")}>
        <CreateWorkspaceForm />
      </Card>
    </main>
  );
}
