import { notFound, redirect } from "next/navigation";
import { PersonaSheet } from "@/components/personas/persona-sheet";
import { findSegmentWithPersona } from "@/db/queries/personas";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { getTranslator } from "@/lib/i18n/server";
import { personaFacts } from "@/lib/personas/persona-facts";

type Props = { params: Promise<{ workspace: string; studyId: string; segmentId: string }> };

/** A segment's persona page: read-only for every member; drafts exist only for those who may edit them. */
export default async function PersonaPage({ params }: Props) {
  const { workspace: slug, studyId, segmentId } = await params;
  const ctx = await requireWorkspacePage(slug, "persona:read");
  const row = await findSegmentWithPersona(ctx.db, { workspaceId: ctx.workspace.id, segmentId, studyId });
  if (!row) notFound();
  const canWrite = can(ctx.role, "persona:write");
  const personasPath = `/w/${ctx.workspace.slug}/studies/${studyId}/personas`;
  if (!row.persona) {
    // Nothing written yet: editors go straight to writing it, everyone else sees no such page.
    if (canWrite) redirect(`${personasPath}/${segmentId}/edit`);
    notFound();
  }
  if (row.persona.status !== "published" && !canWrite) notFound();
  const { t, locale } = await getTranslator();
  return (
    <PersonaSheet
      persona={row.persona}
      segmentName={row.segment.name}
      facts={personaFacts(row.segment, row.segmentation)}
      editHref={canWrite ? `${personasPath}/${segmentId}/edit` : undefined}
      t={t}
      locale={locale}
    />
  );
}
