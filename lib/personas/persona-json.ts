import type { findPersona, listPersonasOfStudy } from "@/db/queries/personas";
import { personaFacts, segmentShare } from "./persona-facts";

/** The JSON API's view of personas: the same fields the pages show, no internal columns. */

type PersonaRow = NonNullable<Awaited<ReturnType<typeof findPersona>>>;
type PersonaListRow = Awaited<ReturnType<typeof listPersonasOfStudy>>[number];

export function personaJson({ persona, segment, segmentation }: PersonaRow) {
  return {
    id: persona.id,
    studyId: segmentation.studyId,
    segmentationId: segmentation.id,
    segmentId: segment.id,
    segmentName: segment.name,
    name: persona.name,
    summary: persona.summary,
    goals: persona.goals,
    pains: persona.pains,
    actions: persona.actions,
    status: persona.status,
    updatedAt: persona.updatedAt.toISOString(),
    facts: personaFacts(segment, segmentation),
  };
}

export function personaListItemJson(row: PersonaListRow) {
  return {
    id: row.id,
    segmentationId: row.segmentationId,
    segmentationName: row.segmentationName,
    segmentId: row.segmentId,
    segmentName: row.segmentName,
    name: row.name,
    summary: row.summary,
    goals: row.goals,
    pains: row.pains,
    actions: row.actions,
    status: row.status,
    size: row.segmentSize,
    share: segmentShare(row.segmentSize, row.respondentCount),
    updatedAt: row.updatedAt.toISOString(),
  };
}
