/**
 * The 125-cell map from an RFM code ("555") to a named segment, stored as stable segment ids
 * (labels live in the i18n messages). The default is laid out on a 5 × 5 grid of R against
 * FM = the mean of F and M rounded half up, following the score ranges of the widely used
 * 11-segment RFM table (Putler's "RFM analysis for successful customer segmentation", also the
 * example map of the R package `rfm`): Champions R 4–5 / FM 4–5, Can't lose them R 1 / FM 4–5, …
 * Where that table's ranges overlap, the cell went to the segment named in the grid below.
 */

export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalist",
  "new",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose",
  "hibernating",
  "lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export type RfmMap = Record<string, RfmSegment>;

/** Rows: R = 5 (most recent) down to 1; columns: FM = 1 … 5. */
export const DEFAULT_RFM_GRID: readonly (readonly RfmSegment[])[] = [
  ["new", "potential_loyalist", "potential_loyalist", "champions", "champions"],
  ["promising", "potential_loyalist", "loyal", "champions", "champions"],
  ["about_to_sleep", "need_attention", "need_attention", "loyal", "loyal"],
  ["hibernating", "about_to_sleep", "at_risk", "at_risk", "at_risk"],
  ["lost", "hibernating", "at_risk", "cant_lose", "cant_lose"],
];

export const SCORES = [1, 2, 3, 4, 5] as const;

/** FM as used by the default grid: mean of F and M, halves rounded up (F 4 + M 3 → 4). */
export function fmScore(f: number, m: number): number {
  return Math.floor((f + m + 1) / 2);
}

export function rfmCode(r: number, f: number, m: number): string {
  return `${r}${f}${m}`;
}

/** Every one of the 125 codes, in order 111 … 555. */
export function allRfmCodes(): string[] {
  const codes: string[] = [];
  for (const r of SCORES) for (const f of SCORES) for (const m of SCORES) codes.push(rfmCode(r, f, m));
  return codes;
}

export function defaultRfmMap(): RfmMap {
  const map: RfmMap = {};
  for (const r of SCORES) {
    for (const f of SCORES) {
      for (const m of SCORES) map[rfmCode(r, f, m)] = DEFAULT_RFM_GRID[5 - r]![fmScore(f, m) - 1]!;
    }
  }
  return map;
}
