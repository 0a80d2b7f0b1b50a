import { createRandom, sampleIndices } from "@/lib/analysis";
import type { SegmentationVariable } from "@/db/schema/segments";
import { pca2 } from "./statistics";

/** Points drawn at most: beyond this the map samples respondents (the PCA itself uses all of them). */
export const MAX_MAP_POINTS = 2_000;

export type MapPoint = { x: number; y: number; segment: number };
export type MapArrow = { id: string; label: string; x: number; y: number };
export type SolutionMap = {
  points: MapPoint[];
  arrows: MapArrow[];
  /** Variance share of the two axes, 0..1. */
  explained: [number, number];
  respondentCount: number;
  sampled: boolean;
};

/**
 * The 2-D map of a solution: PCA of the basis matrix, respondents as points coloured by segment,
 * and each variable as an arrow (its loadings), stretched so the longest arrow reaches 80 % of
 * the farthest point: a biplot's directions, not its lengths, carry the meaning.
 */
export function buildSolutionMap(params: { rows: number[][]; segmentOf: ArrayLike<number>; variables: readonly SegmentationVariable[]; seed: number }): SolutionMap {
  const { rows, segmentOf, variables } = params;
  const pca = pca2(rows);
  const n = rows.length;
  const sampled = n > MAX_MAP_POINTS;
  const chosen = sampled ? Array.from(sampleIndices(createRandom(params.seed), n, MAX_MAP_POINTS)).sort((a, b) => a - b) : rows.map((_, i) => i);
  const points = chosen.map((i) => ({ x: pca.scores[i]![0], y: pca.scores[i]![1], segment: segmentOf[i]! }));
  const reach = Math.max(...pca.scores.map(([x, y]) => Math.hypot(x, y)), 0);
  const longest = Math.max(...pca.loadings.map(([x, y]) => Math.hypot(x, y)), 0);
  const stretch = longest > 0 ? (0.8 * reach) / longest : 0;
  const arrows = variables.map((variable, j) => ({ id: variable.id, label: variable.label, x: pca.loadings[j]![0] * stretch, y: pca.loadings[j]![1] * stretch }));
  return { points, arrows, explained: pca.explained, respondentCount: n, sampled };
}
