import Link from "next/link";
import { notFound } from "next/navigation";
import { ContactImportForm } from "@/components/distribution/contact-import-form";
import { ContactsTable, FunnelTable, OutboxTable } from "@/components/distribution/distribution-tables";
import { SendMessagesForm } from "@/components/distribution/send-messages-form";
import { SurveyLimitsForm, type ChoiceQuestion } from "@/components/distribution/survey-limits-form";
import { Card } from "@/components/ui/card";
import { countContacts, findDistributionSurvey, funnelCounts, listContacts, listOutbox } from "@/db/queries/distribution";
import { requireWorkspacePage } from "@/lib/auth/access";
import { funnelRows } from "@/lib/distribution/funnel";
import { smtpSettings } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/server";
import { localized } from "@/lib/surveys/definition";

const SHOWN = 200;

/** Distribution of one survey: contacts, invitations and reminders, the outbox, limits and the funnel per channel. */
export default async function DistributePage({ params }: { params: Promise<{ workspace: string; studyId: string; surveyId: string }> }) {
  const { workspace: slug, studyId, surveyId } = await params;
  const ctx = await requireWorkspacePage(slug, "survey:write");
  const key = { workspaceId: ctx.workspace.id, surveyId };
  const survey = await findDistributionSurvey(ctx.db, key);
  if (!survey || survey.studyId !== studyId) notFound();
  const { t, locale } = await getTranslator();
  const [contacts, contactTotal, outbox, funnel] = await Promise.all([
    listContacts(ctx.db, { ...key, limit: SHOWN }),
    countContacts(ctx.db, key),
    listOutbox(ctx.db, { ...key, limit: SHOWN }),
    funnelCounts(ctx.db, key),
  ]);
  const { definition } = survey;
  const text = (value: Parameters<typeof localized>[0]) => localized(value, locale, definition.defaultLanguage);
  const choiceQuestions: ChoiceQuestion[] = definition.questions.flatMap((q) =>
    q.type === "single_choice" ? [{ id: q.id, text: text(q.text) || q.id, options: q.options.map((o) => ({ code: o.code, label: text(o.label) || String(o.code) })) }] : [],
  );
  const published = survey.status === "published";

  return (
    <div className="space-y-5">
      <Link href={`/w/${slug}/studies/${studyId}/survey/${surveyId}`} className="text-sm text-indigo-700 underline">
        ← {t("distribution.back")}
      </Link>
      <div>
        <h2 className="text-2xl font-semibold text-slate-900">{t("distribution.title", { title: survey.title })}</h2>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">{t("distribution.intro")}</p>
      </div>
      <Card title={t("distribution.funnelTitle")}>
        <FunnelTable rows={funnelRows(funnel)} t={t} locale={locale} />
      </Card>
      <Card title={t("distribution.contactsTitle")}>
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{t("distribution.contactsIntro")}</p>
          <ContactImportForm workspaceSlug={slug} surveyId={surveyId} />
          <p className="text-sm text-slate-700">
            {t("distribution.contactCount", { n: contactTotal })} {contactTotal > SHOWN && t("distribution.showingFirst", { n: SHOWN })}
          </p>
          {contacts.length > 0 ? <ContactsTable contacts={contacts} t={t} /> : <p className="text-sm text-slate-600">{t("distribution.noContacts")}</p>}
        </div>
      </Card>
      <Card title={t("distribution.sendTitle")}>
        <div className="space-y-3">
          <p className="text-sm text-slate-700">{t("distribution.sendIntro")}</p>
          {!published && <p className="text-sm text-amber-800">{t("distribution.notPublished")}</p>}
          <SendMessagesForm workspaceSlug={slug} surveyId={surveyId} disabled={!published} />
        </div>
      </Card>
      <Card title={t("distribution.outboxTitle")}>
        <div className="space-y-3">
          <p className="text-sm text-slate-700">{smtpSettings() ? t("distribution.outboxSmtp") : t("distribution.outboxNoSmtp")}</p>
          {outbox.length > 0 ? <OutboxTable messages={outbox} t={t} locale={locale} /> : <p className="text-sm text-slate-600">{t("distribution.outboxEmpty")}</p>}
        </div>
      </Card>
      <Card title={t("distribution.limitsTitle")}>
        <div className="space-y-3">
          <p className="text-sm text-slate-700">{t("distribution.limitsIntro")}</p>
          <SurveyLimitsForm
            workspaceSlug={slug}
            surveyId={surveyId}
            closeAt={survey.closeAt ? survey.closeAt.toISOString() : null}
            responseLimit={survey.responseLimit}
            personalLinkDays={survey.personalLinkDays}
            quotas={survey.quotas}
            questions={choiceQuestions}
          />
        </div>
      </Card>
    </div>
  );
}
