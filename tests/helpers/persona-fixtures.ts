import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { segmentations, segments, surveys } from "@/db/schema";
import type { SurveyDefinition } from "@/lib/surveys/definition";

/**
 * A saved segmentation written straight into the tables (the Segments tab's own code is not
 * needed to test naming and personas): a survey, the segmentation with its variables and
 * total means, and segments "Segment 1..k" ordered by size.
 */

export const FIXTURE_VARIABLES = [
  { id: "rest", label: "rest and relax" },
  { id: "nature", label: "nature" },
  { id: "culture", label: "culture" },
  { id: "luxury", label: "luxury" },
  { id: "sport", label: "sport" },
];

export const FIXTURE_TOTAL_MEANS = [0.6, 0.4, 0.3, 0.2, 0.3];

export const FIXTURE_SEGMENTS = [
  { size: 50, means: [0.9, 0.7, 0.2, 0.1, 0.3] },
  { size: 30, means: [0.3, 0.1, 0.5, 0.4, 0.2] },
  { size: 20, means: [0.3, 0.2, 0.2, 0.1, 0.5] },
];

export async function createSegmentationFixture(
  db: Database,
  params: { workspaceId: string; studyId: string; name?: string; segments?: { size: number; means: number[] }[] },
) {
  const definition: SurveyDefinition = {
    schemaVersion: 1,
    languages: ["en"],
    defaultLanguage: "en",
    title: { en: "Holiday motives" },
    questions: [
      {
        id: "motives",
        type: "likert_battery",
        text: { en: "What matters on holiday?" },
        required: true,
        scale: [
          { id: "no", code: 0, label: { en: "No" } },
          { id: "yes", code: 1, label: { en: "Yes" } },
        ],
        rows: FIXTURE_VARIABLES.map((v) => ({ id: v.id, text: { en: v.label } })),
      },
    ],
  };
  const [survey] = await db
    .insert(surveys)
    .values({ workspaceId: params.workspaceId, studyId: params.studyId, title: "Holiday motives", definition, publicId: randomBytes(8).toString("hex") })
    .returning({ id: surveys.id });
  const rows = params.segments ?? FIXTURE_SEGMENTS;
  const respondentCount = rows.reduce((sum, s) => sum + s.size, 0);
  const [segmentation] = await db
    .insert(segmentations)
    .values({
      workspaceId: params.workspaceId,
      studyId: params.studyId,
      surveyId: survey!.id,
      name: params.name ?? `k = ${rows.length}`,
      k: rows.length,
      seed: 42,
      restarts: 10,
      variables: FIXTURE_VARIABLES,
      centroids: rows.map((s) => s.means),
      totalMeans: FIXTURE_TOTAL_MEANS,
      withinSS: 123.4,
      respondentCount,
    })
    .returning({ id: segmentations.id, studyId: segmentations.studyId });
  const inserted = await db
    .insert(segments)
    .values(rows.map((s, position) => ({ workspaceId: params.workspaceId, segmentationId: segmentation!.id, position, name: `Segment ${position + 1}`, size: s.size, means: s.means })))
    .returning({ id: segments.id, name: segments.name, position: segments.position });
  inserted.sort((a, b) => a.position - b.position);
  return { segmentation: segmentation!, segments: inserted };
}

/** A complete, valid persona input for the editor's schema. */
export function personaInput(overrides: Record<string, unknown> = {}) {
  return {
    name: "Relaxed Rita",
    summary: "Wants a calm holiday close to nature.",
    goals: ["Switch off from work"],
    pains: ["Crowded resorts"],
    actions: [{ function: "marketing", action: "Promote quiet cabins", owner: "Maija", kpi: "Cabin bookings +10 %" }],
    status: "draft",
    ...overrides,
  };
}
