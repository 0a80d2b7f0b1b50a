import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/analysis";
import { buildSolutionMap, MAX_MAP_POINTS } from "./map-data";

describe("buildSolutionMap", () => {
  const variables = [{ id: "q.a", label: "A" }, { id: "q.b", label: "B" }, { id: "q.c", label: "C" }];

  it("puts two groups apart on the first axis and points the arrows their way", () => {
    const rows = [...Array.from({ length: 20 }, () => [5, 5, 1]), ...Array.from({ length: 20 }, () => [1, 1, 5])].map((row, i) => row.map((v) => v + (i % 3) * 0.1));
    const segmentOf = rows.map((_, i) => (i < 20 ? 0 : 1));
    const map = buildSolutionMap({ rows, segmentOf, variables, seed: 1 });
    expect(map.points).toHaveLength(40);
    expect(map.sampled).toBe(false);
    expect(map.explained[0]).toBeGreaterThan(0.95);
    const meanX = (segment: number) => map.points.filter((p) => p.segment === segment).reduce((s, p) => s + p.x, 0) / 20;
    expect(Math.sign(meanX(0))).toBe(-Math.sign(meanX(1)));
    // A and B point where segment 0 is, C where segment 1 is.
    expect(Math.sign(map.arrows[0]!.x)).toBe(Math.sign(meanX(0)));
    expect(Math.sign(map.arrows[2]!.x)).toBe(Math.sign(meanX(1)));
    const reach = Math.max(...map.points.map((p) => Math.hypot(p.x, p.y)));
    expect(Math.max(...map.arrows.map((a) => Math.hypot(a.x, a.y)))).toBeCloseTo(0.8 * reach, 6);
  });

  it("samples at most MAX_MAP_POINTS points, reproducibly", () => {
    const random = createRandom(2);
    const rows = Array.from({ length: MAX_MAP_POINTS + 500 }, () => [random(), random(), random()]);
    const segmentOf = rows.map((_, i) => i % 2);
    const a = buildSolutionMap({ rows, segmentOf, variables, seed: 9 });
    const b = buildSolutionMap({ rows, segmentOf, variables, seed: 9 });
    expect(a.points).toHaveLength(MAX_MAP_POINTS);
    expect(a.sampled).toBe(true);
    expect(a.respondentCount).toBe(MAX_MAP_POINTS + 500);
    expect(a.points).toEqual(b.points);
  });
});
