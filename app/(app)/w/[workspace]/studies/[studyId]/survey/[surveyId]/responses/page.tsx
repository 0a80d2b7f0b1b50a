import Link from "next/link";
import { notFound } from "next/navigation";
import { ExportForm } from "@/components/responses/export-form";
import { ResponseFilters } from "@/components/responses/response-filters";
import { ResponseTable } from "@/components/responses/response-table";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { findSurvey } from "@/db/queries/surveys";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/i18n/server";
import { formatDuration } from "@/lib/responses/format-duration";
import { listResponses } from "@/lib/responses/list-responses";
import { ZResponseListQuery } from "@/lib/responses/schemas";

type Props = {
  params: Promise<{ workspace: string; studyId: string; surveyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A survey's responses: filters, quality flags and their rules, keyset paging, export and erasure. */
export default async function ResponsesPage({ params, searchParams }: Props) {
  const { workspace: slug, studyId, surveyId } = await params;
  const ctx = await requireWorkspacePage(slug, "responses:read");
  const survey = await findSurvey(ctx.db, { workspaceId: ctx.workspace.id, surveyId });
  if (!survey || survey.studyId !== studyId) notFound();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = ZResponseListQuery.safeParse(raw);
  // A hand-edited query string falls back to the unfiltered first page rather than an error page.
  const query = parsed.success ? parsed.data : ZResponseListQuery.parse({});
  const { t, locale } = await getTranslator();
  // The export's columns follow the published version (the draft while none is published).
  const exported = survey.publishedDefinition ?? survey.definition;
  const list = await listResponses(ctx.db, { workspaceId: ctx.workspace.id, surveyId: survey.id, query });
  const filters = { status: query.status, channel: query.channel, language: query.language, flag: query.flag };
  const base = `/w/${slug}/studies/${studyId}/survey/${survey.id}`;
  const filterQuery = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const nextHref = list.nextCursor ? `${base}/responses?${new URLSearchParams([...filterQuery, ["after", list.nextCursor]])}` : undefined;

  return (
    <div className="space-y-5">
      <Link href={base} className="text-sm text-indigo-700 underline">
        ← {t("responses.backToSurvey")}
      </Link>
      <div>
        <h2 className="text-2xl font-semibold text-slate-900">
          {t("responses.title")}: {survey.title}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("responses.count", { count: list.total })}</p>
      </div>
      <Card>
        <ResponseFilters filters={filters} channels={list.channels} clearHref={`${base}/responses`} />
      </Card>
      <details className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
        <summary className="cursor-pointer font-medium text-slate-900">{t("responses.flagRules")}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{list.medianDurationMs === undefined ? t("responses.ruleSpeederNoMedian") : t("responses.ruleSpeeder", { median: formatDuration(list.medianDurationMs) })}</li>
          <li>{t("responses.ruleStraightLiner")}</li>
          <li>{t("responses.ruleAttention")}</li>
        </ul>
        <p className="mt-2">{t("responses.unverifiedRule")}</p>
      </details>
      {list.rows.length === 0 ? (
        <EmptyState title={t("responses.emptyTitle")}>{t("responses.emptyText")}</EmptyState>
      ) : (
        <ResponseTable rows={list.rows} t={t} locale={locale} workspaceSlug={slug} surveyId={survey.id} canErase={can(ctx.role, "survey:write")} />
      )}
      <nav aria-label={t("responses.title")} className="flex gap-2">
        {query.after && (
          <Link href={`${base}/responses?${filterQuery}`} className={buttonClass("secondary")}>
            {t("responses.firstPage")}
          </Link>
        )}
        {nextHref && (
          <Link href={nextHref} className={buttonClass("secondary")}>
            {t("responses.nextPage")}
          </Link>
        )}
      </nav>
      <Card title={t("responses.exportTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("responses.exportIntro")}</p>
        <ExportForm surveyId={survey.id} workspaceSlug={slug} filters={filters} languages={exported.languages} defaultLanguage={exported.defaultLanguage} />
      </Card>
    </div>
  );
}
