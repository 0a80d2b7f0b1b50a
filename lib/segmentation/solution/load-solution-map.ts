import type { Database } from "@/db/client";
import { findSegmentationConfig, listAssignedRespondents } from "@/db/queries/segment-descriptors";
import type { Answers } from "@/lib/surveys/answers";
import type { SavedSegmentation } from "../get-segmentation";
import { basisRow, basisSpecOf } from "./basis-spec";
import { buildSolutionMap, type SolutionMap } from "./map-data";

export type SolutionMapResult = { ok: true; map: SolutionMap } | { ok: false; reason: string };

/** The 2-D map from the respondents' answers, rebuilt in the solution's basis space (respondent-level: callers check responses:read). */
export async function loadSolutionMap(db: Database, params: { workspaceId: string; solution: SavedSegmentation }): Promise<SolutionMapResult> {
  const respondents = await listAssignedRespondents(db, { workspaceId: params.workspaceId, segmentationId: params.solution.id });
  return mapOfRespondents(db, { ...params, respondents });
}

/** loadSolutionMap on respondents already loaded. */
export async function mapOfRespondents(
  db: Database,
  params: { workspaceId: string; solution: SavedSegmentation; respondents: readonly { answers: Answers; position: number }[] },
): Promise<SolutionMapResult> {
  const { solution } = params;
  const row = await findSegmentationConfig(db, { workspaceId: params.workspaceId, segmentationId: solution.id });
  const spec = basisSpecOf({ method: solution.method, variables: solution.summary.variables, config: row?.config ?? null });
  if (!spec.ok) return spec;
  const rows: number[][] = [];
  const segmentOf: number[] = [];
  for (const respondent of params.respondents) {
    const basis = basisRow(respondent.answers, spec.spec);
    if (!basis) continue;
    rows.push(basis);
    segmentOf.push(respondent.position);
  }
  if (rows.length < 3) return { ok: false, reason: "Too few respondents to draw a map." };
  return { ok: true, map: buildSolutionMap({ rows, segmentOf, variables: solution.summary.variables, seed: solution.summary.seed }) };
}
