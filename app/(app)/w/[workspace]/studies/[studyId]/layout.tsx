import { notFound } from "next/navigation";
import { NavLink } from "@/components/shell/nav-link";
import { findStudy } from "@/db/queries/studies";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/i18n/server";

export default async function StudyLayout({ children, params }: LayoutProps<"/w/[workspace]/studies/[studyId]">) {
  const { workspace: slug, studyId } = await params;
  const ctx = await requireWorkspacePage(slug, "study:read");
  const study = await findStudy(ctx.db, { workspaceId: ctx.workspace.id, studyId });
  if (!study) notFound();
  const { t } = await getTranslator();
  const base = `/w/${slug}/studies/${studyId}`;
  return (
    <div>
      <p className="text-sm text-slate-500">{t("shell.studies")}</p>
      <h1 className="text-xl font-semibold text-slate-900">{study.name}</h1>
      <nav aria-label={t("shell.studyNavigation")} className="no-print mb-6 mt-3 flex gap-5 overflow-x-auto border-b border-slate-200">
        {/* Tabs a role cannot use are hidden; the pages themselves check access again. */}
        {can(ctx.role, "responses:read") && <NavLink href={`${base}/survey`}>{t("shell.navSurvey")}</NavLink>}
        {can(ctx.role, "customers:read") && <NavLink href={`${base}/customers`}>{t("shell.navCustomers")}</NavLink>}
        <NavLink href={`${base}/segments`}>{t("shell.navSegments")}</NavLink>
        <NavLink href={`${base}/personas`}>{t("shell.navPersonas")}</NavLink>
        <NavLink href={`${base}/share`}>{t("shell.navShare")}</NavLink>
      </nav>
      {children}
    </div>
  );
}
