import { matrixFromRows, type Matrix } from "@/lib/analysis";
import type { SegmentationVariable } from "@/db/schema/segments";

/** Dolnicar, Grün & Leisch's rule of thumb: at least 100 respondents per basis variable. */
export const RESPONDENTS_PER_VARIABLE = 100;

export function recommendedMinimumSample(variableCount: number): number {
  return RESPONDENTS_PER_VARIABLE * variableCount;
}

/**
 * A variable id names where its values come from: `<question id>.<statement id>`. Survey ids use
 * only a–z, 0–9 and _, so the dot cannot be ambiguous, and a saved solution keeps enough to
 * assign later respondents to its segments.
 */
export function batteryVariableId(questionId: string, rowId: string): string {
  return `${questionId}.${rowId}`;
}

export type BatteryAnswers = {
  responseIds: string[];
  rowIds: string[];
  rowLabels: string[];
  values: number[][];
};

export type BasisMatrix = {
  matrix: Matrix;
  variables: SegmentationVariable[];
  responseIds: string[];
};

/** Turns a battery's complete answers (one row per response, one column per statement) into the k-means input. */
export function buildBasisMatrix(questionId: string, answers: BatteryAnswers): BasisMatrix {
  if (answers.rowIds.length !== answers.rowLabels.length) {
    throw new Error(`Got ${answers.rowLabels.length} labels for ${answers.rowIds.length} statements`);
  }
  if (answers.values.length !== answers.responseIds.length) {
    throw new Error(`Got ${answers.values.length} answer rows for ${answers.responseIds.length} responses`);
  }
  const width = answers.values.find((row) => row.length !== answers.rowIds.length);
  if (width) throw new Error(`An answer row has ${width.length} values for ${answers.rowIds.length} statements`);
  const variables = answers.rowIds.map((rowId, index) => ({
    id: batteryVariableId(questionId, rowId),
    label: answers.rowLabels[index] || rowId,
  }));
  return { matrix: matrixFromRows(answers.values), variables, responseIds: answers.responseIds };
}
