import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./index";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

describe("OpenAPI document", () => {
  const document = openApiDocument("http://localhost:3000");

  it("documents every /api/v1 route and method the app serves", () => {
    const served = routeFiles(path.join("app", "api", "v1")).filter((file) => !file.includes("openapi.json"));
    expect(served.length).toBeGreaterThan(10);
    for (const file of served) {
      const route = `/${path.dirname(file).split(path.sep).slice(1).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
      const methods = [...readFileSync(file, "utf8").matchAll(/^export const (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]!.toLowerCase());
      const documented = (document.paths as Record<string, Record<string, unknown>>)[route];
      expect(documented, `${route} is not in the OpenAPI document`).toBeDefined();
      for (const method of methods) expect(documented![method], `${method.toUpperCase()} ${route}`).toBeDefined();
    }
  });

  it("declares every path parameter it uses", () => {
    for (const [route, operations] of Object.entries(document.paths as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>)) {
      const names = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, operation] of Object.entries(operations)) {
        if (method === "parameters") continue;
        const declared = [...(operation.parameters ?? []), ...(((operations as Record<string, unknown>).parameters as { name: string; in: string }[]) ?? [])]
          .filter((p) => p.in === "path")
          .map((p) => p.name);
        for (const name of names) expect(declared, `${method.toUpperCase()} ${route} misses {${name}}`).toContain(name);
      }
    }
  });
});
