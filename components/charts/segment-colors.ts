/** One colour per segment position, the same in every chart of a solution (dark enough for white text and 3:1 on white). */
const SEGMENT_COLORS = ["#4338ca", "#0f766e", "#b45309", "#be123c", "#7c3aed", "#15803d", "#0369a1", "#a16207"];

export function segmentColor(position: number): string {
  return SEGMENT_COLORS[position % SEGMENT_COLORS.length]!;
}
