import { describe, expect, it } from "vitest";
import { createRandom, type Random } from "@/lib/analysis";
import { maxDiffTasks } from "./counts";
import { generateMaxDiffDesign } from "./design";
import { fitMaxDiffLogit, maxDiffLogLikelihood, maxDiffPreferenceShares, type MaxDiffTask } from "./logit";

function repeat(task: MaxDiffTask, times: number): MaxDiffTask[] {
  return Array.from({ length: times }, () => task);
}

/** Draws index i with probability ∝ exp(sign × u[i]). */
function drawLogit(random: Random, utilities: number[], sign: number): number {
  const weights = utilities.map((u) => Math.exp(sign * u));
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** Respondents answering by the sequential best–worst model with known utilities. */
function simulateTasks(trueUtilities: Record<string, number>, respondents: number, seed: number): MaxDiffTask[] {
  const itemIds = Object.keys(trueUtilities);
  const design = generateMaxDiffDesign({ itemIds, itemsPerSet: 4, versions: 10, seed });
  const random = createRandom(seed);
  return Array.from({ length: respondents }, (_, r) => {
    const { sets } = design.versions[r % design.versions.length];
    const answer = sets.map((set, setIndex) => {
      const best = set[drawLogit(random, set.map((id) => trueUtilities[id]), 1)];
      const rest = set.filter((id) => id !== best);
      const worst = rest[drawLogit(random, rest.map((id) => trueUtilities[id]), -1)];
      return { setIndex, best, worst };
    });
    return maxDiffTasks({ sets, answer });
  }).flat();
}

describe("fitMaxDiffLogit against hand-computed values", () => {
  // Two items: the worst pick is forced, so only best counts: u_a − u_b = ln(7/3) and, centred, u_a = ln(7/3)/2.
  const tasks = [...repeat({ items: ["a", "b"], best: "a", worst: "b" }, 7), ...repeat({ items: ["a", "b"], best: "b", worst: "a" }, 3)];

  it("matches the closed-form estimate, log-likelihood and standard error", () => {
    const fit = fitMaxDiffLogit({ itemIds: ["a", "b"], tasks, ridge: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.utilities[0]).toBeCloseTo(Math.log(7 / 3) / 2, 10);
    expect(fit.utilities[1]).toBeCloseTo(-Math.log(7 / 3) / 2, 10);
    expect(fit.logLikelihood).toBeCloseTo(7 * Math.log(0.7) + 3 * Math.log(0.3), 10);
    // Information on the difference: 10 × 0.7 × 0.3; u_a is half the difference.
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(1 / (4 * 10 * 0.21)), 6);
    expect(fit.iterations).toBeLessThan(10);
  });

  it("reaches a point where the log-likelihood is flat in every direction", () => {
    const itemIds = ["a", "b", "c", "d"];
    const few: MaxDiffTask[] = [
      ...repeat({ items: ["a", "b", "c"], best: "a", worst: "c" }, 3),
      ...repeat({ items: ["a", "b", "c"], best: "b", worst: "a" }, 1),
      ...repeat({ items: ["b", "c", "d"], best: "d", worst: "c" }, 2),
      ...repeat({ items: ["b", "c", "d"], best: "b", worst: "d" }, 2),
      ...repeat({ items: ["a", "c", "d"], best: "c", worst: "a" }, 1),
      ...repeat({ items: ["a", "c", "d"], best: "a", worst: "d" }, 2),
    ];
    const fit = fitMaxDiffLogit({ itemIds, tasks: few, ridge: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.utilities.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 10);
    const h = 1e-5;
    for (let i = 0; i < itemIds.length; i++) {
      const up = fit.utilities.map((u, j) => (j === i ? u + h : u));
      const down = fit.utilities.map((u, j) => (j === i ? u - h : u));
      const slope = (maxDiffLogLikelihood(itemIds, few, up) - maxDiffLogLikelihood(itemIds, few, down)) / (2 * h);
      expect(Math.abs(slope)).toBeLessThan(1e-6);
    }
  });

  it("keeps utilities finite with the default ridge when an item always wins", () => {
    const fit = fitMaxDiffLogit({ itemIds: ["a", "b", "c"], tasks: repeat({ items: ["a", "b", "c"], best: "a", worst: "c" }, 5) });
    expect(fit.converged).toBe(true);
    expect(fit.utilities.every(Number.isFinite)).toBe(true);
    expect(fit.utilities[0]).toBeGreaterThan(fit.utilities[1]);
    expect(fit.utilities[1]).toBeGreaterThan(fit.utilities[2]);
  });

  it("treats a task with count m like m copies of it", () => {
    const grouped = [
      { items: ["a", "b", "c"], best: "a", worst: "c", count: 4 },
      { items: ["a", "b", "c"], best: "c", worst: "b", count: 2 },
      { items: ["a", "b", "c"], best: "b", worst: "a", count: 1 },
    ];
    const expanded = grouped.flatMap(({ count, ...task }) => repeat(task, count));
    const a = fitMaxDiffLogit({ itemIds: ["a", "b", "c"], tasks: grouped });
    const b = fitMaxDiffLogit({ itemIds: ["a", "b", "c"], tasks: expanded });
    a.utilities.forEach((u, i) => expect(u).toBeCloseTo(b.utilities[i], 10));
    expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 10);
  });

  it("rejects tasks with unknown items or the same best and worst", () => {
    expect(() => fitMaxDiffLogit({ itemIds: ["a", "b"], tasks: [{ items: ["a", "x"], best: "a", worst: "x" }] })).toThrow(/unknown item "x"/);
    expect(() => fitMaxDiffLogit({ itemIds: ["a", "b"], tasks: [{ items: ["a", "b"], best: "a", worst: "a" }] })).toThrow(/two different items/);
    expect(() => fitMaxDiffLogit({ itemIds: ["a"], tasks: [] })).toThrow(/at least 2 items/);
    expect(() => fitMaxDiffLogit({ itemIds: ["a", "b"], tasks: [{ items: ["a", "b"], best: "a", worst: "b", count: -1 }] })).toThrow(/count/);
  });
});

describe("fitMaxDiffLogit on simulated respondents", () => {
  const trueUtilities = { a: -1.4, b: -0.9, c: -0.5, d: -0.2, e: 0.1, f: 0.4, g: 0.8, h: 1.7 };

  it("recovers the order and the size of known utilities", () => {
    const tasks = simulateTasks(trueUtilities, 500, 20261125);
    const itemIds = Object.keys(trueUtilities);
    const fit = fitMaxDiffLogit({ itemIds, tasks });
    expect(fit.converged).toBe(true);
    const fitted = [...itemIds].sort((x, y) => fit.utilities[itemIds.indexOf(x)] - fit.utilities[itemIds.indexOf(y)]);
    expect(fitted).toEqual(itemIds);
    const truth = Object.values(trueUtilities);
    fit.utilities.forEach((u, i) => {
      expect(Math.abs(u - truth[i])).toBeLessThan(Math.max(0.12, 3 * fit.standardErrors[i]));
      expect(fit.standardErrors[i]).toBeGreaterThan(0.02);
      expect(fit.standardErrors[i]).toBeLessThan(0.1);
    });
  });
});

describe("maxDiffPreferenceShares", () => {
  it("is Sawtooth's probability scale rescaled to sum to 100", () => {
    // a = 2 items per set: e^0/(e^0+1) = 1/2, e^ln3/(e^ln3+1) = 3/4 → 40 and 60.
    const shares = maxDiffPreferenceShares([0, Math.log(3)], 2);
    expect(shares[0]).toBeCloseTo(40, 10);
    expect(shares[1]).toBeCloseTo(60, 10);
    expect(maxDiffPreferenceShares([0.3, 0.3, 0.3, 0.3], 4)).toEqual([25, 25, 25, 25]);
    const ordered = maxDiffPreferenceShares([-1, 0, 2], 4);
    expect(ordered.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    expect(ordered[0]).toBeLessThan(ordered[1]);
    expect(ordered[1]).toBeLessThan(ordered[2]);
  });
});
