import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error — a plain ES module (it runs in worker threads before any TypeScript loader)
import { bundledWorker } from "./worker-bundle.mjs";

describe("bundledWorker", () => {
  let root = "";
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("bundles a module with its @/ imports once, and rebuilds when a file it was built from changes", async () => {
    root = mkdtempSync(join(tmpdir(), "needscape-bundle-"));
    writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } }));
    writeFileSync(join(root, "entry.ts"), 'import { answer } from "@/answer";\nexport const value: number = answer * 2;\n');
    writeFileSync(join(root, "answer.ts"), "export const answer = 21;\n");
    const build = () => bundledWorker(pathToFileURL(join(root, "entry.ts")).href, join(root, "tsconfig.json")) as Promise<string>;

    const first = await build();
    expect(first).toContain("node_modules/.cache/needscape-workers/");
    expect((await import(`${first}?v=1`)).value).toBe(42);
    expect(await build()).toBe(first);

    writeFileSync(join(root, "answer.ts"), "export const answer = 50;\n");
    utimesSync(join(root, "answer.ts"), new Date(), new Date(Date.now() + 5_000));
    expect((await import(`${await build()}?v=2`)).value).toBe(100);
  });
});
