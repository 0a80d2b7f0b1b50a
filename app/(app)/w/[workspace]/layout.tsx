import Link from "next/link";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { NavLink } from "@/components/shell/nav-link";
import { UserMenu } from "@/components/shell/user-menu";
import { WorkspaceSwitcher } from "@/components/shell/workspace-switcher";
import { listWorkspacesForUser } from "@/db/queries/workspaces";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/i18n/server";

export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[workspace]">) {
  const { workspace: slug } = await params;
  const ctx = await requireWorkspacePage(slug, "study:read");
  const { t } = await getTranslator();
  const workspaces = await listWorkspacesForUser(ctx.db, { userId: ctx.userId! });
  const base = `/w/${ctx.workspace.slug}`;
  return (
    <div className="min-h-screen">
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href={base} className="text-lg font-bold text-indigo-800">
            {t("shell.appName")}
          </Link>
          <WorkspaceSwitcher current={ctx.workspace.slug} workspaces={workspaces} />
          <nav aria-label={t("shell.mainNavigation")} className="flex gap-4">
            <NavLink href={base} exact>
              {t("shell.studies")}
            </NavLink>
            {can(ctx.role, "customers:read") && <NavLink href={`${base}/data`}>{t("customerData.nav")}</NavLink>}
            {can(ctx.role, "members:manage") && <NavLink href={`${base}/settings/members`}>{t("shell.members")}</NavLink>}
            {can(ctx.role, "apikeys:manage") && <NavLink href={`${base}/settings/api-keys`}>{t("shell.apiKeys")}</NavLink>}
          </nav>
          <div className="ml-auto flex items-center gap-4">
            <span className="text-xs text-slate-500">{t(`shell.role_${ctx.role}`)}</span>
            <LanguageSwitcher />
            <UserMenu />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
