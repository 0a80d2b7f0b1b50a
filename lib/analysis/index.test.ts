import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** Relative modules a file imports or re-exports (type-only imports included: cheap to over-check). */
function localImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/from "(\.\/[^"]+)"/g)].map((m) => here(`${m[1]}.ts`));
}

describe("lib/analysis public API", () => {
  it("reaches no node: module, worker code or ml-* library, so client bundles that import it stay small and build", () => {
    const seen = new Set<string>();
    const queue = [here("./index.ts")];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(readFileSync(file, "utf8"), file).not.toMatch(/from "(node:|@\/lib\/workers|ml-)/);
      queue.push(...localImports(file));
    }
    expect(seen.size).toBeGreaterThan(10);
  });
});
