import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every server action and route handler must go through the one access wrapper (lib/auth/access.ts,
 * lib/auth/api-route.ts). This test reads the source so a handler written without it fails CI.
 */

function filesUnder(dir: string, match: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, match);
    return match(full) ? [full] : [];
  });
}

const WRAPPERS = /=\s*(workspaceAction|userAction|publicAction|apiRoute|userRoute|publicRoute)\s*[(<]/;
// next-auth's own endpoints and the public OpenAPI document are the only handlers outside the wrapper.
const UNWRAPPED_ROUTES = new Set([path.join("app", "api", "auth", "[...nextauth]", "route.ts"), path.join("app", "api", "v1", "openapi.json", "route.ts")]);

describe("access wrapper", () => {
  it("wraps every exported server action", () => {
    const actionFiles = filesUnder("app", (file) => /\.tsx?$/.test(file) && readFileSync(file, "utf8").trimStart().startsWith('"use server"'));
    expect(actionFiles.length).toBeGreaterThan(3);
    for (const file of actionFiles) {
      const source = readFileSync(file, "utf8");
      const exports = source.match(/^export (const|async function|function) \w+/gm) ?? [];
      for (const declaration of exports) {
        expect(declaration, `${file}: server actions must be declared as const = <wrapper>(...)`).toMatch(/^export const/);
      }
      const statements = source.split(/^export const /m).slice(1);
      for (const statement of statements) {
        expect(`export const ${statement}`.slice(0, 200), `${file}`).toMatch(WRAPPERS);
      }
    }
  });

  it("wraps every route handler", () => {
    const routes = filesUnder("app", (file) => file.endsWith(`${path.sep}route.ts`)).filter((file) => !UNWRAPPED_ROUTES.has(file));
    expect(routes.length).toBeGreaterThan(3);
    for (const file of routes) {
      const source = readFileSync(file, "utf8");
      const handlers = source.match(/^export (const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b.*$/gm) ?? [];
      expect(handlers.length, `${file} exports no handler`).toBeGreaterThan(0);
      for (const handler of handlers) expect(handler, file).toMatch(/^export const (GET|POST|PUT|PATCH|DELETE) = (apiRoute|userRoute|publicRoute)\b/);
    }
  });
});
