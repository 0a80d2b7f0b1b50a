/**
 * The statements that set a segment apart: segment mean minus total mean per basis variable,
 * taken from the means stored with a saved segmentation (no respondent data needed).
 */

export type BasisVariable = { id: string; label: string };

export type VariableDifference = {
  id: string;
  label: string;
  segmentMean: number;
  totalMean: number;
  /** segmentMean − totalMean */
  difference: number;
  /**
   * Marked as notable by the profile-plot rule of Dolnicar, Grün & Leisch (2018):
   * at least 0.25 absolute or at least 50 % relative to the total mean.
   */
  notable: boolean;
};

export type DistinctiveVariables = { above: VariableDifference[]; below: VariableDifference[] };

const ABSOLUTE_THRESHOLD = 0.25;
const RELATIVE_THRESHOLD = 0.5;

export function isNotableDifference(difference: number, totalMean: number): boolean {
  if (Math.abs(difference) >= ABSOLUTE_THRESHOLD) return true;
  return totalMean !== 0 && Math.abs(difference / totalMean) >= RELATIVE_THRESHOLD;
}

/** Every variable's difference, in the order of the variables; non-numeric means are skipped. */
export function variableDifferences(
  variables: readonly BasisVariable[],
  segmentMeans: readonly number[],
  totalMeans: readonly number[],
): VariableDifference[] {
  const result: VariableDifference[] = [];
  variables.forEach((variable, index) => {
    const segmentMean = segmentMeans[index];
    const totalMean = totalMeans[index];
    if (typeof segmentMean !== "number" || typeof totalMean !== "number") return;
    if (!Number.isFinite(segmentMean) || !Number.isFinite(totalMean)) return;
    const difference = segmentMean - totalMean;
    result.push({ id: variable.id, label: variable.label, segmentMean, totalMean, difference, notable: isNotableDifference(difference, totalMean) });
  });
  return result;
}

/**
 * The `count` largest positive and `count` largest negative differences (default 3 each).
 * Ties keep the variables' order, so the result is stable for equal means.
 */
export function distinctiveVariables(
  variables: readonly BasisVariable[],
  segmentMeans: readonly number[],
  totalMeans: readonly number[],
  count = 3,
): DistinctiveVariables {
  const differences = variableDifferences(variables, segmentMeans, totalMeans);
  const above = differences.filter((d) => d.difference > 0).sort((a, b) => b.difference - a.difference);
  const below = differences.filter((d) => d.difference < 0).sort((a, b) => a.difference - b.difference);
  return { above: above.slice(0, count), below: below.slice(0, count) };
}
