import Link from "next/link";
import { notFound } from "next/navigation";
import { SurveyPublishPanel } from "@/components/surveys/survey-publish-panel";
import { SurveyResults } from "@/components/surveys/survey-results";
import { SurveyStatusBadge } from "@/components/surveys/survey-status-badge";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { findSurvey } from "@/db/queries/surveys";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { appUrl } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/server";
import { summarizeResponses } from "@/lib/surveys/summarize-responses";

/** One survey: its status and public link, publish/close, and the results so far. */
export default async function SurveyPage({ params }: { params: Promise<{ workspace: string; studyId: string; surveyId: string }> }) {
  const { workspace: slug, studyId, surveyId } = await params;
  const ctx = await requireWorkspacePage(slug, "responses:read");
  const survey = await findSurvey(ctx.db, { workspaceId: ctx.workspace.id, surveyId });
  if (!survey || survey.studyId !== studyId) notFound();
  const { t, locale } = await getTranslator();
  const summary = await summarizeResponses(ctx.db, { workspaceId: ctx.workspace.id, surveyId, language: locale });
  const canWrite = can(ctx.role, "survey:write");
  const base = `/w/${slug}/studies/${studyId}/survey`;
  const publicUrl = survey.currentVersion ? `${appUrl()}/s/${survey.publicId}` : undefined;
  return (
    <div className="space-y-5">
      <Link href={base} className="text-sm text-indigo-700 underline">
        ← {t("survey.allSurveys")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-2xl font-semibold text-slate-900">{survey.title}</h2>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <span>{t("survey.statusLabel")}:</span>
            <SurveyStatusBadge status={survey.status} label={t(`survey.status_${survey.status}`)} />
            {survey.currentVersion && <span>{t("survey.publishedVersion", { version: survey.currentVersion })}</span>}
          </p>
        </div>
        {canWrite && (
          <div className="flex flex-wrap gap-2">
            <Link href={`${base}/${surveyId}/distribute`} className={buttonClass("secondary")}>
              {t("distribution.distribute")}
            </Link>
            <Link href={`${base}/${surveyId}/edit`} className={buttonClass("secondary")}>
              {t("survey.editSurvey")}
            </Link>
            <a href={`/api/v1/surveys/${surveyId}?workspace=${slug}`} download={`survey-${surveyId}.json`} className={buttonClass("secondary")}>
              {t("surveyStart.exportJson")}
            </a>
          </div>
        )}
      </div>
      <Card>
        <div className="space-y-3">
          {!survey.currentVersion && <p className="text-sm text-slate-700">{t("survey.draftNotPublished")}</p>}
          {survey.currentVersion && survey.hasUnpublishedChanges && <p className="text-sm text-amber-800">{t("survey.unpublishedChanges")}</p>}
          {survey.status === "closed" && <p className="text-sm text-slate-700">{t("survey.closedNotice")}</p>}
          {canWrite ? (
            <SurveyPublishPanel
              workspaceSlug={slug}
              surveyId={survey.id}
              status={survey.status}
              hasUnpublishedChanges={survey.hasUnpublishedChanges}
              publicUrl={publicUrl}
            />
          ) : (
            publicUrl && <p className="break-all font-mono text-sm">{publicUrl}</p>
          )}
        </div>
      </Card>
      <div className="flex flex-wrap gap-2">
        <Link href={`${base}/${surveyId}/responses`} className={buttonClass("secondary")}>
          {t("responses.openList")}
        </Link>
        <Link href={`${base}/${surveyId}/preview`} className={buttonClass("secondary")}>
          {t("surveyPages.previewLink")}
        </Link>
      </div>
      <Card title={t("survey.resultsTitle")}>
        <SurveyResults summary={summary} t={t} locale={locale} />
      </Card>
    </div>
  );
}
