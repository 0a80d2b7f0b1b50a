import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Personal-link and unsubscribe tokens: `<contact id as 32 hex>.<HMAC-SHA256, base64url, 128 bits>`.
 * The MAC covers the purpose, survey, contact and customer id, so a token cannot be moved to
 * another contact or survey, reused for the other purpose, or kept valid after the customer id changes.
 * Nothing is stored: the server recomputes the MAC from the contact row. Pure (secret passed in).
 */

export type TokenPurpose = "respond" | "unsubscribe";
export type TokenSubject = { surveyId: string; contactId: string; customerId: string | null };

const TOKEN_PATTERN = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{22})$/;

function mac(secret: string, purpose: TokenPurpose, subject: TokenSubject): string {
  return createHmac("sha256", secret)
    .update(`needscape:${purpose}:v1\n${subject.surveyId}\n${subject.contactId}\n${subject.customerId ?? ""}`)
    .digest()
    .subarray(0, 16)
    .toString("base64url");
}

export function signContactToken(secret: string, purpose: TokenPurpose, subject: TokenSubject): string {
  return `${subject.contactId.replace(/-/g, "").toLowerCase()}.${mac(secret, purpose, subject)}`;
}

/** The contact id a token claims, or undefined when the token is malformed (the claim is unverified). */
export function contactIdOfToken(token: unknown): string | undefined {
  if (typeof token !== "string") return undefined;
  const match = TOKEN_PATTERN.exec(token.trim());
  if (!match) return undefined;
  const hex = match[1]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** True when the token was signed for exactly this purpose, survey, contact and customer id. */
export function verifyContactToken(secret: string, purpose: TokenPurpose, token: string, subject: TokenSubject): boolean {
  const match = TOKEN_PATTERN.exec(token.trim());
  if (!match || contactIdOfToken(token) !== subject.contactId.toLowerCase()) return false;
  const expected = Buffer.from(mac(secret, purpose, subject));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
