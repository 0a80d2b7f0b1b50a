import { describe, expect, it } from "vitest";
import { contactIdOfToken, signContactToken, verifyContactToken } from "./contact-token";

const secret = "test-secret";
const subject = { surveyId: "5b0f8a52-6c1e-4d0b-9a55-1f0a4f1c2d3e", contactId: "0e6c3f4a-1b2c-4d5e-8f90-a1b2c3d4e5f6", customerId: "C-17" };

describe("contact tokens", () => {
  it("verifies a token it signed and names its contact", () => {
    const token = signContactToken(secret, "respond", subject);
    expect(token).toMatch(/^[0-9a-f]{32}\.[A-Za-z0-9_-]{22}$/);
    expect(contactIdOfToken(token)).toBe(subject.contactId);
    expect(verifyContactToken(secret, "respond", token, subject)).toBe(true);
  });

  it("rejects a tampered signature, another contact, customer id, survey, purpose or secret", () => {
    const token = signContactToken(secret, "respond", subject);
    const last = token.at(-1) === "A" ? "B" : "A";
    expect(verifyContactToken(secret, "respond", token.slice(0, -1) + last, subject)).toBe(false);
    expect(verifyContactToken(secret, "respond", token, { ...subject, customerId: "C-18" })).toBe(false);
    expect(verifyContactToken(secret, "respond", token, { ...subject, customerId: null })).toBe(false);
    expect(verifyContactToken(secret, "respond", token, { ...subject, surveyId: subject.contactId })).toBe(false);
    expect(verifyContactToken(secret, "unsubscribe", token, subject)).toBe(false);
    expect(verifyContactToken("other-secret", "respond", token, subject)).toBe(false);
    const other = { ...subject, contactId: "0e6c3f4a-1b2c-4d5e-8f90-a1b2c3d4e5f7" };
    const forged = `${other.contactId.replace(/-/g, "")}.${token.split(".")[1]}`;
    expect(verifyContactToken(secret, "respond", forged, other)).toBe(false);
  });

  it("treats malformed tokens as naming no contact", () => {
    for (const bad of [undefined, "", "abc", "x".repeat(55), `${"g".repeat(32)}.${"a".repeat(22)}`]) expect(contactIdOfToken(bad)).toBeUndefined();
  });
});
