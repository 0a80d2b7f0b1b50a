import { describe, expect, it } from "vitest";
import { isPersonalLinkExpired } from "./personal-link-expiry";

describe("personal link lifetime", () => {
  const sentAt = new Date("2026-03-01T12:00:00Z");
  const after = (days: number, ms = 0) => new Date(sentAt.getTime() + days * 24 * 3600 * 1000 + ms);

  it("never expires without a lifetime (only the close date ends it)", () => {
    expect(isPersonalLinkExpired({ days: null, sentAt, now: after(3650) })).toBe(false);
    expect(isPersonalLinkExpired({ days: null, sentAt: undefined, now: after(1) })).toBe(false);
  });

  it("works until exactly N days after it was sent, then not", () => {
    expect(isPersonalLinkExpired({ days: 7, sentAt, now: after(7) })).toBe(false);
    expect(isPersonalLinkExpired({ days: 7, sentAt, now: after(7, 1) })).toBe(true);
    expect(isPersonalLinkExpired({ days: 1, sentAt, now: after(0, 1000) })).toBe(false);
  });

  it("is not honoured with a lifetime set when it never went out", () => {
    expect(isPersonalLinkExpired({ days: 30, sentAt: undefined, now: sentAt })).toBe(true);
  });
});
