import { describe, expect, it } from "vitest";
import { serverInstances, startNextServer } from "@/scripts/next-server";

describe("app server processes (WEB_CONCURRENCY)", () => {
  it("defaults to one and takes a whole number", () => {
    expect(serverInstances({})).toBe(1);
    expect(serverInstances({ WEB_CONCURRENCY: "2" })).toBe(2);
    for (const bad of ["0", "-1", "1.5", "two", "65"]) expect(() => serverInstances({ WEB_CONCURRENCY: bad })).toThrow(/WEB_CONCURRENCY/);
  });

  it("refuses several processes on the embedded database, before starting anything", () => {
    expect(() => startNextServer({ port: 3209, instances: 2, env: { DATABASE_URL: "" } })).toThrow(/PGlite/);
  });
});
