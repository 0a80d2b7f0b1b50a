import Link from "next/link";
import { CreateStudyForm } from "@/components/studies/create-study-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listStudies } from "@/db/queries/studies";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/i18n/server";

export default async function StudiesPage({ params }: PageProps<"/w/[workspace]">) {
  const { workspace: slug } = await params;
  const ctx = await requireWorkspacePage(slug, "study:read");
  const { t, locale } = await getTranslator();
  const studies = await listStudies(ctx.db, { workspaceId: ctx.workspace.id });
  const canCreate = can(ctx.role, "study:write");
  // Viewers land on the personas of a study: that is what they are here to read.
  const studyHome = can(ctx.role, "survey:write") ? "survey" : "share";
  return (
    <div className="space-y-6">
      <PageHeader title={t("workspace.studiesTitle")} description={t("workspace.studiesIntro")} />
      {studies.length === 0 ? (
        <EmptyState title={canCreate ? t("workspace.noStudiesTitle") : t("workspace.studiesTitle")}>
          {canCreate ? t("workspace.noStudiesText") : t("workspace.noStudiesViewer")}
        </EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {studies.map((study) => (
            <li key={study.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <Link href={`/w/${slug}/studies/${study.id}/${studyHome}`} className="font-medium text-indigo-700 underline">
                {study.name}
              </Link>
              {study.description && <p className="mt-1 line-clamp-2 text-sm text-slate-600">{study.description}</p>}
              <p className="mt-2 text-xs text-slate-500">{study.createdAt.toLocaleDateString(locale)}</p>
            </li>
          ))}
        </ul>
      )}
      {canCreate && (
        <Card title={t("workspace.newStudy")}>
          <CreateStudyForm workspaceSlug={slug} />
        </Card>
      )}
    </div>
  );
}
