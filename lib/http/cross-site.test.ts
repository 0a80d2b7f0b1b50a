import { describe, expect, it } from "vitest";
import { crossSiteRefusal, isUnsafeMethod, type CrossSiteInput } from "./cross-site";

const base: CrossSiteInput = {
  method: "POST",
  secFetchSite: null,
  origin: null,
  requestUrl: "http://localhost:3000/api/v1/studies",
  appUrl: "https://needscape.example.com",
};
const refused = (input: Partial<CrossSiteInput>) => crossSiteRefusal({ ...base, ...input }) !== undefined;

describe("crossSiteRefusal", () => {
  it("lets reads through whatever their headers say", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(refused({ method, secFetchSite: "cross-site", origin: "https://evil.example" }), method).toBe(false);
    }
  });

  it("refuses writes that a browser marks as coming from another site", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(refused({ method, secFetchSite: "cross-site" }), method).toBe(true);
      expect(refused({ method, secFetchSite: "same-site" }), method).toBe(true);
    }
    // Sec-Fetch-Site wins even when the Origin looks right (a same-site sub-domain cannot pretend).
    expect(refused({ secFetchSite: "same-site", origin: "http://localhost:3000" })).toBe(true);
  });

  it("refuses writes from another origin, or from an opaque one", () => {
    expect(refused({ origin: "https://evil.example" })).toBe(true);
    expect(refused({ origin: "null" })).toBe(true);
    expect(refused({ origin: "http://localhost:3001" })).toBe(true);
    expect(refused({ origin: "https://needscape.example.com.evil.example" })).toBe(true);
    expect(refused({ origin: "http://needscape.example.com" })).toBe(true);
    expect(refused({ secFetchSite: "same-origin", origin: "https://evil.example" })).toBe(true);
  });

  it("lets same-origin writes through, by the request's own origin or the configured app URL", () => {
    expect(refused({ secFetchSite: "same-origin", origin: "http://localhost:3000" })).toBe(false);
    expect(refused({ origin: "http://localhost:3000" })).toBe(false);
    // Behind a proxy the browser's origin is the public URL, not the one the server sees.
    expect(refused({ secFetchSite: "same-origin", origin: "https://needscape.example.com" })).toBe(false);
    expect(refused({ origin: "HTTPS://NEEDSCAPE.EXAMPLE.COM" })).toBe(false);
    // A request the user started themselves (address bar, bookmark).
    expect(refused({ secFetchSite: "none" })).toBe(false);
  });

  it("lets non-browser clients, which send neither header, through", () => {
    expect(refused({})).toBe(false);
    expect(refused({ method: "DELETE" })).toBe(false);
  });
});

describe("isUnsafeMethod", () => {
  it("treats everything but GET, HEAD and OPTIONS as a write", () => {
    expect(["GET", "HEAD", "OPTIONS"].map(isUnsafeMethod)).toEqual([false, false, false]);
    expect(["POST", "PUT", "PATCH", "DELETE", "PROPFIND"].map(isUnsafeMethod)).toEqual([true, true, true, true, true]);
  });
});
