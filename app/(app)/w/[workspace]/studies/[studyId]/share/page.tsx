import Link from "next/link";
import { PersonaHubCard } from "@/components/personas/persona-hub-card";
import { TabHeader } from "@/components/personas/tab-header";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { listPersonasOfStudy } from "@/db/queries/personas";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/i18n/server";
import { segmentShare } from "@/lib/personas/persona-facts";

type Props = { params: Promise<{ workspace: string; studyId: string }> };

/** The study's Share tab: the persona hub of every published persona, readable by all members. */
export default async function SharePage({ params }: Props) {
  const { workspace: slug, studyId } = await params;
  const ctx = await requireWorkspacePage(slug, "persona:read");
  const { t, locale } = await getTranslator();
  const canWrite = can(ctx.role, "persona:write");
  const personasPath = `/w/${ctx.workspace.slug}/studies/${studyId}/personas`;
  const published = await listPersonasOfStudy(ctx.db, { workspaceId: ctx.workspace.id, studyId, publishedOnly: true });

  return (
    <>
      <TabHeader title={t("personas.hubTitle")} description={t("personas.hubIntro")} />
      {published.length === 0 ? (
        <EmptyState
          title={t("personas.hubEmptyTitle")}
          action={
            canWrite && (
              <Link href={personasPath} className={buttonClass()}>
                {t("personas.goToPersonas")}
              </Link>
            )
          }
        >
          {canWrite ? t("personas.hubEmptyEditor") : t("personas.hubEmptyViewer")}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {published.map((persona) => (
            <li key={persona.id}>
              <PersonaHubCard
                persona={{ ...persona, share: segmentShare(persona.segmentSize, persona.respondentCount) }}
                href={`${personasPath}/${persona.segmentId}`}
                t={t}
                locale={locale}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
