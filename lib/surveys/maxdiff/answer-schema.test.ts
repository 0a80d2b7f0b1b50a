import { describe, expect, it } from "vitest";
import { maxDiffAnswerSchema } from "./answer-schema";

const sets = [
  ["a", "b", "c"],
  ["b", "d", "e"],
  ["a", "c", "e"],
];
const schema = maxDiffAnswerSchema(sets);
const valid = [
  { setIndex: 0, best: "a", worst: "c" },
  { setIndex: 1, best: "e", worst: "b" },
  { setIndex: 2, best: "c", worst: "a" },
];

function issues(value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("maxDiffAnswerSchema", () => {
  it("accepts one best and one worst per set, in any order of sets", () => {
    expect(schema.parse(valid)).toEqual(valid);
    expect(schema.safeParse([...valid].reverse()).success).toBe(true);
  });

  it("rejects the same item as best and worst", () => {
    expect(issues([valid[0], { setIndex: 1, best: "d", worst: "d" }, valid[2]])).toEqual([
      { path: "1.worst", message: "The best and the worst item must differ." },
    ]);
  });

  it("rejects items that were not shown in the set", () => {
    expect(issues([{ setIndex: 0, best: "d", worst: "zzz" }, valid[1], valid[2]])).toEqual([
      { path: "0.best", message: "The best item must be one of the items shown in the set." },
      { path: "0.worst", message: "The worst item must be one of the items shown in the set." },
    ]);
  });

  it("rejects unanswered, doubly answered and unknown sets", () => {
    expect(issues([valid[0], valid[1]])).toEqual([{ path: "", message: "Answer every set (1 not answered yet)." }]);
    expect(issues([valid[0], valid[0], valid[1], valid[2]])).toEqual([{ path: "1.setIndex", message: "Set 0 is answered twice" }]);
    expect(issues([...valid, { setIndex: 3, best: "a", worst: "b" }])).toEqual([
      { path: "3.setIndex", message: "There is no set 3 (this version has 3)" },
    ]);
    expect(issues([])).toEqual([{ path: "", message: "Answer every set (3 not answered yet)." }]);
  });

  it("rejects malformed choices with clear messages", () => {
    expect(issues("a,b")[0].message).toBe("Answer every set with a best and a worst item");
    expect(issues([{ setIndex: 0.5, best: "a", worst: "b" }, valid[1], valid[2]])[0]).toEqual({
      path: "0.setIndex",
      message: "A set index is a whole number",
    });
    expect(issues([{ setIndex: 0, worst: "b" }, valid[1], valid[2]])[0]).toEqual({ path: "0.best", message: "Pick the best item." });
  });
});
