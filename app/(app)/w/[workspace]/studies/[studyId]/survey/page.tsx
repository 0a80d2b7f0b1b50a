import Link from "next/link";
import { SurveyStatusBadge } from "@/components/surveys/survey-status-badge";
import { buttonClass } from "@/components/ui/button-class";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listSurveysForStudy } from "@/db/queries/surveys";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/i18n/server";

/** The study's Survey tab: its surveys with status, responses and public link. */
export default async function SurveysPage({ params }: { params: Promise<{ workspace: string; studyId: string }> }) {
  const { workspace: slug, studyId } = await params;
  const ctx = await requireWorkspacePage(slug, "responses:read");
  const { t } = await getTranslator();
  const surveys = await listSurveysForStudy(ctx.db, { workspaceId: ctx.workspace.id, studyId });
  const base = `/w/${slug}/studies/${studyId}/survey`;
  const newSurvey = can(ctx.role, "survey:write") ? (
    <Link href={`${base}/new`} className={buttonClass()}>
      {t("survey.newSurvey")}
    </Link>
  ) : undefined;
  return (
    <div>
      <PageHeader title={t("survey.title")} description={t("survey.intro")} actions={surveys.length > 0 ? newSurvey : undefined} />
      {surveys.length === 0 ? (
        <EmptyState title={t("survey.emptyTitle")} action={newSurvey}>
          {t("survey.emptyText")}
        </EmptyState>
      ) : (
        <DataTable
          caption={t("survey.tableCaption")}
          columns={[
            { label: t("survey.colTitle") },
            { label: t("survey.colStatus") },
            { label: t("survey.colResponses"), align: "right" },
            { label: t("survey.colLink") },
          ]}
        >
              {surveys.map((survey) => (
                <tr key={survey.id}>
                  <td className="px-4 py-2">
                    <Link href={`${base}/${survey.id}`} className="font-medium text-indigo-700 underline">
                      {survey.title}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap px-4 py-2">
                    <SurveyStatusBadge status={survey.status} label={t(`survey.status_${survey.status}`)} />
                    {survey.currentVersion && <span className="ml-2 text-xs text-slate-500">{t("survey.versionN", { version: survey.currentVersion })}</span>}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{survey.responseCount}</td>
                  <td className="px-4 py-2">
                    {survey.currentVersion ? (
                      <a href={`/s/${survey.publicId}`} className="font-mono text-indigo-700 underline" target="_blank" rel="noreferrer">
                        /s/{survey.publicId}
                      </a>
                    ) : (
                      <span className="text-slate-500">{t("survey.notPublished")}</span>
                    )}
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
    </div>
  );
}
