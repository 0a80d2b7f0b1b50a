import Link from "next/link";
import { notFound } from "next/navigation";
import { DistinctiveStatements } from "@/components/personas/distinctive-statements";
import { formatCount, formatShare } from "@/components/personas/format";
import { nameTemplates } from "@/components/personas/name-templates";
import { PersonaEditor } from "@/components/personas/persona-editor";
import { TabHeader } from "@/components/personas/tab-header";
import { Card } from "@/components/ui/card";
import { findSegmentationWithPersonas, findSegmentWithPersona } from "@/db/queries/personas";
import { requireWorkspacePage } from "@/lib/auth/access";
import { getTranslator } from "@/lib/i18n/server";
import { personaFacts } from "@/lib/personas/persona-facts";
import type { TSavePersonaFormValues } from "@/lib/personas/schemas";
import { suggestSegmentName } from "@/lib/personas/suggest-segment-name";
import { savePersonaAction } from "../../actions";

type Props = { params: Promise<{ workspace: string; studyId: string; segmentId: string }> };

/** The persona editor for one segment, with the segment's evidence beside it. */
export default async function EditPersonaPage({ params }: Props) {
  const { workspace: slug, studyId, segmentId } = await params;
  const ctx = await requireWorkspacePage(slug, "persona:write");
  const row = await findSegmentWithPersona(ctx.db, { workspaceId: ctx.workspace.id, segmentId, studyId });
  if (!row) notFound();
  const { segment, segmentation, persona } = row;
  const { t, locale } = await getTranslator();
  const facts = personaFacts(segment, segmentation);
  const siblings = await findSegmentationWithPersonas(ctx.db, { workspaceId: ctx.workspace.id, studyId, segmentationId: segmentation.id });
  const taken = (siblings?.segments ?? []).filter((s) => s.id !== segment.id).map((s) => s.name);
  const suggestion = suggestSegmentName({ ...facts.distinctive, taken, templates: nameTemplates(t) });
  const personasPath = `/w/${ctx.workspace.slug}/studies/${studyId}/personas`;

  const defaultValues: TSavePersonaFormValues = {
    segmentName: segment.name,
    name: persona?.name ?? segment.name,
    summary: persona?.summary ?? "",
    goals: persona?.goals ?? [],
    pains: persona?.pains ?? [],
    actions: persona?.actions ?? [],
    status: persona?.status ?? "draft",
  };

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={personasPath} className="text-indigo-800 underline">
          {t("personas.backToPersonas")}
        </Link>
      </p>
      <TabHeader title={t("personas.editorTitle", { segment: segment.name })} description={t("personas.editorIntro")} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <PersonaEditor
          workspaceSlug={ctx.workspace.slug}
          segmentId={segment.id}
          defaultValues={defaultValues}
          isNew={!persona}
          suggestion={suggestion !== segment.name ? suggestion : undefined}
          personaPath={`${personasPath}/${segment.id}`}
          save={savePersonaAction}
        />
        <aside className="order-first lg:order-none">
          <Card>
            <p className="mb-3 text-sm text-slate-700">
              {t("personas.segmentSize", { size: formatCount(locale, facts.size), share: formatShare(locale, facts.share) })}
            </p>
            <DistinctiveStatements distinctive={facts.distinctive} t={t} locale={locale} stacked />
          </Card>
        </aside>
      </div>
    </>
  );
}
