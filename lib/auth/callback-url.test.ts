import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths and refuses others", () => {
    expect(safeCallbackUrl("/invite/abc")).toBe("/invite/abc");
    expect(safeCallbackUrl("https://evil.example")).toBe("/workspaces");
    expect(safeCallbackUrl("//evil.example")).toBe("/workspaces");
    expect(safeCallbackUrl(undefined)).toBe("/workspaces");
  });
});
