import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

const APP = "https://needscape.example.com";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths and refuses others", () => {
    expect(safeCallbackUrl("/invite/abc")).toBe("/invite/abc");
    expect(safeCallbackUrl("https://evil.example")).toBe("/workspaces");
    expect(safeCallbackUrl("//evil.example")).toBe("/workspaces");
    expect(safeCallbackUrl(undefined)).toBe("/workspaces");
  });

  it("returns the normalised path, search and hash", () => {
    expect(safeCallbackUrl("/w/acme/settings/members?tab=1#invite")).toBe("/w/acme/settings/members?tab=1#invite");
    expect(safeCallbackUrl("/w/acme/../other/./page")).toBe("/w/other/page");
    expect(safeCallbackUrl("/w/acme/studies/%C3%A4")).toBe("/w/acme/studies/%C3%A4");
  });

  it("refuses backslashes, which browsers read as slashes", () => {
    for (const value of ["/\\evil.example", "\\\\evil.example", "/\\/evil.example", "\\/evil.example", "/%5Cevil.example", "/%5cevil.example", "/%255Cevil.example"]) {
      expect(safeCallbackUrl(value), value).toBe("/workspaces");
    }
  });

  it("refuses tabs, newlines and other control characters, raw or encoded", () => {
    for (const value of ["/\t/evil.example", "/%09/evil.example", "/%0A/evil.example", "/\n/evil.example", "/%0D%0A/evil.example", "/%00/x", "/\u007f/x", "/%2509/evil.example"]) {
      expect(safeCallbackUrl(value), JSON.stringify(value)).toBe("/workspaces");
    }
  });

  it("refuses encoded slashes that decode to a protocol-relative URL", () => {
    for (const value of ["/%2Fevil.example", "/%2fevil.example", "%2F%2Fevil.example", "/%252Fevil.example", "/.//evil.example", "/./%2Fevil.example", "///evil.example"]) {
      expect(safeCallbackUrl(value), value).toBe("/workspaces");
    }
  });

  it("refuses other origins, other schemes and relative paths", () => {
    for (const value of [
      "http://evil.example/w",
      "https://needscape.example.com.evil.example/",
      "https://user@evil.example",
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "mailto:a@b.fi",
      "evil.example",
      "w/acme",
      "",
      "/%E0%A4%A",
      `/${"a".repeat(3000)}`,
    ]) {
      expect(safeCallbackUrl(value, "/workspaces", APP), value).toBe("/workspaces");
    }
    expect(safeCallbackUrl(42)).toBe("/workspaces");
    expect(safeCallbackUrl(["/w/acme"])).toBe("/workspaces");
  });

  it("accepts an absolute URL on the app's own origin only when the origin is given", () => {
    expect(safeCallbackUrl(`${APP}/w/acme?x=1`, "/workspaces", APP)).toBe("/w/acme?x=1");
    expect(safeCallbackUrl(`${APP}/w/acme`)).toBe("/workspaces");
    expect(safeCallbackUrl("http://needscape.example.com/w/acme", "/workspaces", APP)).toBe("/workspaces");
    expect(safeCallbackUrl(`${APP}//evil.example`, "/workspaces", APP)).toBe("/workspaces");
  });

  it("uses the given fallback", () => {
    expect(safeCallbackUrl("//evil.example", "/login")).toBe("/login");
  });
});
