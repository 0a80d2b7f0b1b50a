import Link from "next/link";
import { notFound } from "next/navigation";
import { SegmentPersonaCard } from "@/components/personas/segment-persona-card";
import { SegmentationPicker } from "@/components/personas/segmentation-picker";
import { nameTemplates } from "@/components/personas/name-templates";
import { TabHeader } from "@/components/personas/tab-header";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { findSegmentationWithPersonas, listSegmentationsOfStudy } from "@/db/queries/personas";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/i18n/server";
import { personaFacts } from "@/lib/personas/persona-facts";
import { suggestSegmentName } from "@/lib/personas/suggest-segment-name";

type Props = {
  params: Promise<{ workspace: string; studyId: string }>;
  searchParams: Promise<{ segmentation?: string | string[] }>;
};

/** The study's Personas tab: each segment of a saved segmentation with its evidence, name and persona. */
export default async function PersonasPage({ params, searchParams }: Props) {
  const { workspace: slug, studyId } = await params;
  const { segmentation: picked } = await searchParams;
  const ctx = await requireWorkspacePage(slug, "segments:read");
  const { t, locale } = await getTranslator();
  const canWrite = can(ctx.role, "persona:write");
  const studyPath = `/w/${ctx.workspace.slug}/studies/${studyId}`;
  const header = <TabHeader title={t("personas.tabTitle")} description={canWrite ? t("personas.tabIntro") : t("personas.tabIntroViewer")} />;

  const saved = await listSegmentationsOfStudy(ctx.db, { workspaceId: ctx.workspace.id, studyId });
  if (saved.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          title={t("personas.noSegmentationTitle")}
          action={
            canWrite && (
              <Link href={`${studyPath}/segments`} className={buttonClass()}>
                {t("personas.goToSegments")}
              </Link>
            )
          }
        >
          {canWrite ? t("personas.noSegmentationText") : t("personas.noSegmentationViewer")}
        </EmptyState>
      </>
    );
  }

  // Default to the newest segmentation; an unknown id in the URL falls back to it too.
  const selectedId = saved.find((s) => s.id === picked)?.id ?? saved[0]!.id;
  const data = await findSegmentationWithPersonas(ctx.db, { workspaceId: ctx.workspace.id, studyId, segmentationId: selectedId });
  if (!data) notFound();
  const names = data.segments.map((s) => s.name);

  return (
    <>
      {header}
      {saved.length > 1 && <SegmentationPicker options={saved} selectedId={selectedId} t={t} locale={locale} />}
      <ol aria-label={t("personas.segmentsOf", { name: data.segmentation.name })} className="space-y-4">
        {data.segments.map((segment) => {
          const facts = personaFacts(segment, data.segmentation);
          const suggestion = canWrite
            ? suggestSegmentName({ ...facts.distinctive, taken: names.filter((name) => name !== segment.name), templates: nameTemplates(t) })
            : undefined;
          return (
            <li key={segment.id}>
              <SegmentPersonaCard
                segment={{ id: segment.id, name: segment.name, size: segment.size, share: facts.share }}
                persona={segment.persona}
                distinctive={facts.distinctive}
                suggestion={suggestion}
                canWrite={canWrite}
                personasPath={`${studyPath}/personas`}
                t={t}
                locale={locale}
              />
            </li>
          );
        })}
      </ol>
    </>
  );
}
