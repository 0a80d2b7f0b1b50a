import { describe, expect, it } from "vitest";
import { batteryVariableId, buildBasisMatrix, recommendedMinimumSample } from "./build-basis-matrix";

describe("buildBasisMatrix", () => {
  it("puts one response per row and names variables after question and statement", () => {
    const basis = buildBasisMatrix("motives", {
      responseIds: ["r1", "r2"],
      rowIds: ["rest", "fun"],
      rowLabels: ["Rest and relax", ""],
      values: [
        [1, 5],
        [4, 2],
      ],
    });
    expect(basis.matrix.rows).toBe(2);
    expect(basis.matrix.cols).toBe(2);
    expect(Array.from(basis.matrix.data)).toEqual([1, 5, 4, 2]);
    expect(basis.variables).toEqual([
      { id: "motives.rest", label: "Rest and relax" },
      // A statement without text in the default language falls back to its id.
      { id: "motives.fun", label: "fun" },
    ]);
    expect(basis.responseIds).toEqual(["r1", "r2"]);
  });

  it("rejects answers whose shape does not match the statements", () => {
    expect(() =>
      buildBasisMatrix("q", { responseIds: ["r1"], rowIds: ["a", "b"], rowLabels: ["A"], values: [[1, 2]] }),
    ).toThrow(/labels/);
    expect(() =>
      buildBasisMatrix("q", { responseIds: ["r1", "r2"], rowIds: ["a"], rowLabels: ["A"], values: [[1]] }),
    ).toThrow(/answer rows/);
    expect(() => buildBasisMatrix("q", { responseIds: ["r1"], rowIds: ["a", "b"], rowLabels: ["A", "B"], values: [[1]] })).toThrow();
  });
});

describe("sample size rule", () => {
  it("asks for 100 respondents per basis variable", () => {
    expect(recommendedMinimumSample(20)).toBe(2000);
    expect(recommendedMinimumSample(1)).toBe(100);
  });

  it("keeps question and statement apart with a dot", () => {
    expect(batteryVariableId("q_1", "row_2")).toBe("q_1.row_2");
  });
});
