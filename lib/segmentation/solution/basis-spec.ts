import type { SegmentationVariable } from "@/db/schema/segments";
import type { Answers } from "@/lib/surveys/answers";

/**
 * How to rebuild a saved solution's basis row from a response's answers, in the space its
 * centroids live in: the same variables in the same order, and the same standardisation.
 * Used to place later respondents (nearest centroid) and to draw the 2-D map.
 *
 * Variable ids name their source: `<question>.<row>` is a battery statement, `<question>` a
 * single-number answer (Likert item, rating, NPS, numeric). The preprocessing is read from
 * `segmentations.config`; a solution without config is the raw battery. Config contract:
 *   { excludeFlagged?: boolean, standardization?: { center: number[], scale: number[] } }
 * with one center/scale entry per variable (value − center) / scale. Anything else in the
 * config (e.g. one-hot columns, behavioural metrics) makes the basis unreadable from answers,
 * and the caller says so rather than guessing.
 */
export type BasisSpec = {
  sources: { questionId: string; rowId: string | null }[];
  center: number[] | null;
  scale: number[] | null;
  excludeFlagged: boolean;
};

export type BasisSpecResult = { ok: true; spec: BasisSpec } | { ok: false; reason: string };

const SOURCE_ID = /^([a-z][a-z0-9_]*)(?:\.([a-z][a-z0-9_]*))?$/i;

function numberArray(value: unknown, length: number): number[] | null | "invalid" {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length !== length || !value.every((v) => typeof v === "number" && Number.isFinite(v))) return "invalid";
  return value as number[];
}

// Config keys that change the basis values. Anything like this outside the contract above would make
// raw answers land in the wrong space, so such a solution is refused rather than assigned wrongly.
const PREPROCESSING_KEY = /standardi[sz]|scal(e|ing)|transform|one.?hot|dummy|weight|center|centre|normali[sz]/i;

function unreadablePreprocessing(value: unknown, path: string[] = []): string | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const at = [...path, key];
    const joined = at.join(".");
    if (joined === "standardization" || joined === "standardization.center" || joined === "standardization.scale") {
      if (joined === "standardization") {
        const extra = Object.keys((child ?? {}) as object).find((name) => name !== "center" && name !== "scale");
        if (extra) return `standardization.${extra}`;
      }
      continue;
    }
    if (PREPROCESSING_KEY.test(key) && child !== false && child !== null && child !== "none" && child !== "raw") return joined;
    const nested = unreadablePreprocessing(child, at);
    if (nested) return nested;
  }
  return undefined;
}

export function basisSpecOf(solution: { method: string; variables: readonly SegmentationVariable[]; config: Record<string, unknown> | null }): BasisSpecResult {
  if (solution.method !== "kmeans") return { ok: false, reason: "A rule-based solution has no centroids to assign to." };
  if (solution.variables.length === 0) return { ok: false, reason: "The solution has no basis variables." };
  const sources: BasisSpec["sources"] = [];
  for (const variable of solution.variables) {
    const match = SOURCE_ID.exec(variable.id);
    if (!match) return { ok: false, reason: `Variable "${variable.id}" is not a survey answer.` };
    sources.push({ questionId: match[1]!, rowId: match[2] ?? null });
  }
  const config = solution.config ?? {};
  const unknown = unreadablePreprocessing(config);
  if (unknown) return { ok: false, reason: `The solution's preprocessing ("${unknown}") cannot be repeated on new answers here.` };
  const standardization = (config.standardization ?? null) as { center?: unknown; scale?: unknown } | null;
  const center = numberArray(standardization?.center, sources.length);
  const scale = numberArray(standardization?.scale, sources.length);
  if (center === "invalid" || scale === "invalid") return { ok: false, reason: "The stored standardisation does not match the variables." };
  if (scale?.some((s) => s === 0)) return { ok: false, reason: "The stored standardisation has a zero scale." };
  return { ok: true, spec: { sources, center, scale, excludeFlagged: config.excludeFlagged === true } };
}

/** The basis row of one response, or null when it misses any variable (such responses are not assigned). */
export function basisRow(answers: Answers, spec: BasisSpec): number[] | null {
  const row: number[] = [];
  for (let j = 0; j < spec.sources.length; j++) {
    const { questionId, rowId } = spec.sources[j]!;
    const answer = answers[questionId];
    const raw = rowId === null ? answer : answer && typeof answer === "object" && !Array.isArray(answer) ? (answer as Record<string, unknown>)[rowId] : undefined;
    if (typeof raw !== "number" || !Number.isFinite(raw)) return null;
    const centred = spec.center ? raw - spec.center[j]! : raw;
    row.push(spec.scale ? centred / spec.scale[j]! : centred);
  }
  return row;
}
