import { SEGMENT_NAME_MAX } from "./schemas";

/**
 * A starting name for a segment from its most distinctive statements, for a workshop to
 * improve on: "<top motive> & <second motive>", else the top motive alone, else what the
 * segment cares least about. Never one of the names already taken in the segmentation.
 */

export type NameTemplates = {
  /** Two statements the segment rates above average: "{a} & {b}". */
  pair: string;
  /** One statement above average: "{a}". */
  single: string;
  /** Only statements below average: "Not into {a}". */
  low: string;
};

export const ENGLISH_NAME_TEMPLATES: NameTemplates = { pair: "{a} & {b}", single: "{a}", low: "Not into {a}" };

type Statement = { label: string };

function cleanLabel(label: string): string {
  return label.replace(/\s+/g, " ").trim().replace(/[.:;,!?]+$/u, "");
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function fill(template: string, a: string, b = ""): string {
  return capitalize(template.replace("{a}", a).replace("{b}", b).trim());
}

/** Cuts at a word boundary and marks the cut, so the name still fits the limit. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function suggestSegmentName(params: {
  above: readonly Statement[];
  below: readonly Statement[];
  taken?: readonly string[];
  templates?: NameTemplates;
  maxLength?: number;
}): string | undefined {
  const templates = params.templates ?? ENGLISH_NAME_TEMPLATES;
  const max = params.maxLength ?? SEGMENT_NAME_MAX;
  const above = params.above.map((s) => cleanLabel(s.label)).filter(Boolean);
  const below = params.below.map((s) => cleanLabel(s.label)).filter(Boolean);

  const candidates: string[] = [];
  if (above[0] && above[1]) {
    const pair = fill(templates.pair, above[0], above[1]);
    if (pair.length <= max) candidates.push(pair);
  }
  if (above[0]) candidates.push(shorten(fill(templates.single, above[0]), max));
  if (below[0]) candidates.push(shorten(fill(templates.low, below[0]), max));
  if (above[0] && above[2]) {
    const alternative = fill(templates.pair, above[0], above[2]);
    if (alternative.length <= max) candidates.push(alternative);
  }
  if (candidates.length === 0) return undefined;

  const taken = new Set((params.taken ?? []).map((name) => name.trim().toLocaleLowerCase()));
  const free = candidates.find((name) => !taken.has(name.toLocaleLowerCase()));
  if (free) return free;
  // Every candidate is taken: number the first one, keeping it within the limit.
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const numbered = `${shorten(candidates[0]!, max - suffix.length)}${suffix}`;
    if (!taken.has(numbered.toLocaleLowerCase())) return numbered;
  }
}
